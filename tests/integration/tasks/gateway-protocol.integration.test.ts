import { Client, DefaultAgentCardResolver } from "@a2a-js/sdk/client";
import { LegacyJsonRpcTransport } from "@a2a-js/sdk/compat/v0_3/client";
import { TaskState } from "@a2a-js/sdk";
import { describe, expect, it } from "vitest";
import { gatewayCardUrl, gatewayUrl } from "@/server/a2a/urls";
import { useTaskRuntime } from "../../support/app-server";
import { artifactText, asTask, bearerFetch, collect, gatewayClient, sendRequest } from "../../support/a2a-client";
import { serveFetchHandler } from "../../support/serve-fetch-handler";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";

useTaskRuntime();

async function legacyClient(slug: string, apiKey: string) {
  const fetchImpl = bearerFetch(apiKey);
  const cardJson = await (await fetchImpl(gatewayCardUrl(slug))).json();
  const card = new DefaultAgentCardResolver().normalizeAgentCard(cardJson);
  return new Client(new LegacyJsonRpcTransport({ endpoint: gatewayUrl(slug), fetchImpl }), card);
}

describe("A2A gateway, v0.3 clients", () => {
  it("serves a card carrying both protocol generations and Bureau's auth", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const card = await (await fetch(gatewayCardUrl(agent.slug))).json();
    expect(card.url).toBe(gatewayUrl(agent.slug));
    expect(card.supportedInterfaces.map((i: { protocolVersion: string }) => i.protocolVersion)).toEqual(["1.0", "0.3"]);
    expect(card.securitySchemes.bureauApiKey.httpAuthSecurityScheme.scheme).toBe("Bearer");
    expect(card.capabilities).toMatchObject({ streaming: true, pushNotifications: true });
    expect(JSON.stringify(card)).not.toContain("/api/demo-agents/");
  });

  it("sends, streams, gets and cancels with the v0.3 method names", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 5);
    const buyer = await buyerWithCredits(100);
    const client = await legacyClient(agent.slug, buyer.apiKey);
    const events = await collect(client.sendMessageStream(sendRequest("Solar trends")));
    const last = events.at(-1);
    expect(last?.$case === "statusUpdate" && last.value.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    const taskId = events[0]?.$case === "task" ? events[0].value.id : "";
    const fetched = await client.getTask({ tenant: "", id: taskId });
    expect(artifactText(fetched).length).toBeGreaterThan(10);

    const blocking = asTask(await client.sendMessage(sendRequest("Another topic", { returnImmediately: true })));
    const canceled = await client.cancelTask({ tenant: "", id: blocking.id, metadata: undefined });
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
  });
});

describe("A2A gateway push notifications", () => {
  it("delivers the final task to the caller's webhook, retrying until it accepts", async () => {
    const received: { token: string | null; body: { task?: { id: string; status?: { state?: string } } } }[] = [];
    let failuresLeft = 1;
    const hook = await serveFetchHandler(async (request) => {
      if (failuresLeft-- > 0) return new Response("busy", { status: 503 });
      received.push({ token: request.headers.get("x-a2a-notification-token"), body: await request.json() });
      return new Response(null, { status: 204 });
    });
    try {
      const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
      const buyer = await buyerWithCredits(100);
      const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
      const request = sendRequest("7, 8, 9");
      request.configuration!.taskPushNotificationConfig = {
        tenant: "",
        id: "hook-1",
        taskId: "",
        url: `${hook.url}/hook`,
        token: "s3cret",
        authentication: undefined,
      };
      const task = asTask(await client.sendMessage(request));
      await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      expect(received[0]).toMatchObject({
        token: "s3cret",
        body: { task: { id: task.id, status: { state: "TASK_STATE_COMPLETED" } } },
      });
      const configs = await client.listTaskPushNotificationConfig({
        tenant: "",
        taskId: task.id,
        pageSize: 10,
        pageToken: "",
      });
      expect(configs.configs.map((c) => c.id)).toEqual(["hook-1"]);
      await client.deleteTaskPushNotificationConfig({ tenant: "", taskId: task.id, id: "hook-1" });
      await expect(
        client.getTaskPushNotificationConfig({ tenant: "", taskId: task.id, id: "hook-1" }),
      ).rejects.toThrow();
    } finally {
      await hook.close();
    }
  });

  it("refuses a webhook on a private address", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("1")));
    await expect(
      client.createTaskPushNotificationConfig({
        tenant: "",
        id: "x",
        taskId: task.id,
        url: "http://169.254.169.254/latest",
        token: "",
        authentication: undefined,
      }),
    ).rejects.toThrow(/refused/i);
  });
});

describe("A2A gateway input errors", () => {
  const post = (slug: string, body: string, headers: Record<string, string> = {}) =>
    fetch(gatewayUrl(slug), { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("answers every malformed request with its JSON-RPC error, never a 500", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const { apiKey } = await buyerWithCredits(100);
    const auth = { authorization: `Bearer ${apiKey}` };
    const cases: [string, string, Record<string, string>, number, number][] = [
      ["bad JSON", "{not json", {}, 200, -32700],
      [
        "wrong jsonrpc version",
        JSON.stringify({ jsonrpc: "1.0", id: 1, method: "SendMessage", params: {} }),
        {},
        200,
        -32600,
      ],
      [
        "unknown method",
        JSON.stringify({ jsonrpc: "2.0", id: 1, method: "DoMagic", params: {} }),
        { "a2a-version": "1.0" },
        200,
        -32601,
      ],
      [
        "bad params",
        JSON.stringify({ jsonrpc: "2.0", id: 1, method: "SendMessage", params: { message: "hello" } }),
        { "a2a-version": "1.0" },
        200,
        -32602,
      ],
      [
        "unsupported protocol version",
        JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: "x" } }),
        { "a2a-version": "9.9" },
        200,
        -32009,
      ],
      [
        "oversized body",
        JSON.stringify({ jsonrpc: "2.0", id: 1, method: "SendMessage", params: { pad: "x".repeat(1_100_000) } }),
        {},
        413,
        -32600,
      ],
    ];
    for (const [label, body, headers, status, code] of cases) {
      const response = await post(agent.slug, body, { ...auth, ...headers });
      expect(response.status, label).toBe(status);
      const json = await response.json();
      expect(json.error?.code, label).toBe(code);
    }
  });

  it("wants a valid API key and a published agent", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: "x" } });
    const missing = await post(agent.slug, body);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/API key/);
    const { apiKey } = await buyerWithCredits(0);
    const unknownAgent = await post("no-such-agent", body, { authorization: `Bearer ${apiKey}` });
    expect(unknownAgent.status).toBe(404);
  });
});

describe("A2A gateway subscriptions and extended card", () => {
  it("lets a caller subscribe to a running task and follow it to the end (v1.0 and v0.3)", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 2);
    const buyer = await buyerWithCredits(100);
    for (const client of [
      await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey),
      await legacyClient(agent.slug, buyer.apiKey),
    ]) {
      const started = asTask(await client.sendMessage(sendRequest("Heat pumps", { returnImmediately: true })));
      const events = await collect(client.resubscribeTask({ tenant: "", id: started.id }));
      expect(events[0]?.$case).toBe("task");
      const last = events.at(-1);
      expect(last?.$case === "statusUpdate" && last.value.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
      expect(artifactText(await client.getTask({ tenant: "", id: started.id }))).toContain("Heat pumps");
    }
  });

  it("serves the authenticated extended card", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 2);
    const buyer = await buyerWithCredits(10);
    const response = await fetch(gatewayUrl(agent.slug), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${buyer.apiKey}`, "a2a-version": "1.0" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "GetExtendedAgentCard", params: {} }),
    });
    const body = await response.json();
    expect(body.result?.name).toBe("Northwind Data Analyst");
    expect(JSON.stringify(body.result)).toContain(gatewayUrl(agent.slug));
  });
});
