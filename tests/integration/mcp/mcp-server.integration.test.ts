import { CallToolResultSchema, LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { bearer, connectMcp, initializeMessage, mcpKey, mcpRoute, mcpUrl, postMcp } from "./mcp-support";

useTaskRuntime([mcpRoute]);

describe("/api/mcp", () => {
  it("initializes on 2025-11-25: tools, resources, prompts, logging, tasks, and a session id", async () => {
    const buyer = await buyerWithCredits();
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { client, transport, close } = await connectMcp(bearer(key));
    try {
      expect(transport.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
      expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(client.getServerVersion()).toMatchObject({ name: "bureau", title: "Bureau" });
      const capabilities = client.getServerCapabilities();
      expect(capabilities).toMatchObject({
        tools: { listChanged: true },
        resources: {},
        prompts: {},
        logging: {},
        tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
      });
      expect(client.getInstructions()).toMatch(/run_agent/);
      expect(await client.ping()).toEqual({});
    } finally {
      await close();
    }
  });

  it("negotiates the earlier revisions the SDK speaks, and offers its newest for an unknown one", async () => {
    const buyer = await buyerWithCredits(0);
    const { key } = await mcpKey(buyer.org, buyer.user);
    for (const version of ["2025-06-18", "2025-03-26", "2024-11-05"]) {
      const answer = await postMcp(
        { ...initializeMessage, params: { ...initializeMessage.params, protocolVersion: version } },
        bearer(key),
      );
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain(`"protocolVersion":"${version}"`);
    }
    const unknown = await postMcp(
      { ...initializeMessage, params: { ...initializeMessage.params, protocolVersion: "1999-01-01" } },
      bearer(key),
    );
    expect(await unknown.text()).toContain(`"protocolVersion":"${LATEST_PROTOCOL_VERSION}"`);
  });

  it("answers 401 with the protected-resource metadata pointer, to no credential and to a bad one", async () => {
    const none = await postMcp(initializeMessage);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${process.env.APP_URL}/.well-known/oauth-protected-resource/api/mcp"`,
    );
    const bad = await postMcp(initializeMessage, bearer("bureau_not-a-real-key-at-all-000000"));
    expect(bad.status).toBe(401);
    const challenge = bad.headers.get("www-authenticate")!;
    expect(challenge).toMatch(/^Bearer error="invalid_token"/);
    expect(challenge).toContain(
      `resource_metadata="${process.env.APP_URL}/.well-known/oauth-protected-resource/api/mcp"`,
    );
    // A browser session is only believed from Bureau's own pages (and never without one).
    const getStream = await fetch(mcpUrl(), { headers: { accept: "text/event-stream" } });
    expect(getStream.status).toBe(401);
  });

  it("refuses a key without mcp:use with 403 insufficient_scope, before anything else", async () => {
    const buyer = await buyerWithCredits(0);
    const answer = await postMcp(initializeMessage, bearer(buyer.apiKey));
    expect(answer.status).toBe(403);
    expect(answer.headers.get("www-authenticate")).toMatch(/error="insufficient_scope", .*scope="mcp:use"/);
  });

  it("refuses bodies it cannot read: not JSON (415), malformed JSON (400 -32700), over 1 MB (413)", async () => {
    const buyer = await buyerWithCredits(0);
    const { key } = await mcpKey(buyer.org, buyer.user);
    const post = (body: string, contentType = "application/json") =>
      fetch(mcpUrl(), {
        method: "POST",
        headers: { ...bearer(key), "content-type": contentType, accept: "application/json, text/event-stream" },
        body,
      });
    expect((await post(JSON.stringify(initializeMessage), "text/plain")).status).toBe(415);
    const malformed = await post("{ not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: -32700 } });
    expect((await post(JSON.stringify({ ...initializeMessage, padding: "x".repeat(1_100_000) }))).status).toBe(413);
  });

  it("refuses a foreign Host or Origin with 403 before reading the credential (DNS rebinding)", async () => {
    const buyer = await buyerWithCredits(0);
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { request } = await import("node:http");
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const url = mcpUrl();
        const body = JSON.stringify(initializeMessage);
        const req = request(
          url,
          {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
              "content-length": Buffer.byteLength(body),
              ...headers,
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    expect(await status({ host: "evil.example.com", origin: "http://evil.example.com", ...bearer(key) })).toBe(403);
    expect(await status({ origin: "http://evil.example.com", ...bearer(key) })).toBe(403);
    // Without a credential too: a rebinding page learns nothing more than 403.
    expect(await status({ host: "evil.example.com" })).toBe(403);
    const port = new URL(process.env.APP_URL!).port;
    expect(await status({ host: `localhost:${port}`, origin: `http://localhost:${port}`, ...bearer(key) })).toBe(200);
  });

  it("runs an agent: progress as it streams, its artifact embedded, a billed MCP task", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 7);
    const buyer = await buyerWithCredits(100);
    const { key, id: keyId } = await mcpKey(buyer.org, buyer.user);
    const { client, close } = await connectMcp(bearer(key));
    try {
      const progress: string[] = [];
      const result = await client.callTool(
        { name: "run_agent", arguments: { agent: agent.slug, message: "Sodium-ion batteries for home storage" } },
        CallToolResultSchema,
        { onprogress: (p) => void progress.push(p.message ?? ""), resetTimeoutOnProgress: true },
      );
      expect(result.isError).toBeFalsy();
      const outcome = result.structuredContent as { taskId: string; state: string; artifacts: { uri: string }[] };
      expect(outcome.state).toBe("COMPLETED");
      // The demo agent reports 1/4 … 4/4 as it works: each arrived as progress, in order.
      expect(progress.filter((p) => /\d\/4/.test(p)).map((p) => p.match(/(\d)\/4/)![1])).toEqual(["1", "2", "3", "4"]);
      const resource = (result.content as { type: string }[]).find((c) => c.type === "resource");
      expect(resource).toMatchObject({
        type: "resource",
        resource: { uri: `bureau://tasks/${outcome.taskId}/artifacts/0`, mimeType: "text/markdown" },
      });
      expect(outcome.artifacts[0]!.uri).toBe(`bureau://tasks/${outcome.taskId}/artifacts/0`);
      const read = await client.readResource({ uri: outcome.artifacts[0]!.uri });
      expect(read.contents[0]).toMatchObject({ mimeType: "text/markdown" });
      expect((read.contents[0] as { text: string }).text).toContain("## Next steps");

      const task = await db.task.findUniqueOrThrow({ where: { id: outcome.taskId } });
      expect(task).toMatchObject({ source: "MCP", orgId: buyer.org.id, apiKeyId: keyId, price: 7 });
      await expect
        .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: task.id } })).settledAt)
        .not.toBeNull();
      expect((await walletOf(buyer.org.id)).ORG_WALLET).toBe(93);
    } finally {
      await close();
    }
  });
});
