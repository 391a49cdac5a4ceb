import { TaskState, type SendMessageRequest, type StreamResponse, type Task } from "@a2a-js/sdk";
import { ClientFactory, ClientFactoryOptions, JsonRpcTransportFactory, type Client } from "@a2a-js/sdk/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as cardRoute } from "@/app/api/demo-agents/[slug]/.well-known/agent-card.json/route";
import { demoAgentBaseUrl, demoAgentCardUrl, type DemoAgentCard } from "@/server/demo-agents/catalog";
import { demoAgentCardResponse, handleDemoAgentRequest } from "@/server/demo-agents/handler";
import { artifactText, asTask, partsText, userMessage } from "@/tests/support/a2a-client";
import { serveFetchHandler } from "@/tests/support/serve-fetch-handler";

const STEP_MS = 30;
// env.ts reads the environment on import; deterministic templates, short steps.
vi.hoisted(() => {
  process.env.DEMO_AGENT_STEP_MS = "30";
  process.env.OPENAI_API_KEY = "";
  process.env.ANTHROPIC_API_KEY = "";
});

const DEMO_PATH = /^\/api\/demo-agents\/([^/]+)(\/\.well-known\/agent-card\.json)?$/;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;

beforeAll(async () => {
  // The same two entry points the Next.js routes call, with the test server's origin as app URL.
  server = await serveFetchHandler((request) => {
    const url = new URL(request.url);
    const match = DEMO_PATH.exec(url.pathname);
    if (!match?.[1]) return new Response("no route", { status: 404 });
    const slug = decodeURIComponent(match[1]);
    return match[2] || request.method === "GET"
      ? demoAgentCardResponse(slug, url.origin)
      : handleDemoAgentRequest(slug, request);
  });
});
afterAll(() => server.close());

function send(text: string, ids: { taskId?: string; contextId?: string } = {}): SendMessageRequest {
  return { tenant: "", message: userMessage(text, ids), configuration: undefined, metadata: undefined };
}

// The SDK resolves the card path relative to the base URL, which would drop the slug: pass the full card URL.
const clientFor = (slug: string): Promise<Client> =>
  new ClientFactory().createFromUrl(demoAgentCardUrl(slug, server.url), "");

const text = (message: Task["history"][number] | undefined) => partsText(message?.parts ?? []);

async function collectTimed(stream: AsyncGenerator<StreamResponse>) {
  const events: { at: number; payload: NonNullable<StreamResponse["payload"]> }[] = [];
  for await (const event of stream) if (event.payload) events.push({ at: performance.now(), payload: event.payload });
  return events;
}

describe("demo agents over A2A", () => {
  it("serves a v1.0 card that also carries the v0.3 fields", async () => {
    const response = await fetch(demoAgentCardUrl("northwind-research-analyst", server.url));
    expect(response.status).toBe(200);
    const card = (await response.json()) as DemoAgentCard;
    const base = demoAgentBaseUrl("northwind-research-analyst", server.url);
    expect(card.supportedInterfaces[0]).toMatchObject({
      url: base,
      protocolBinding: "JSONRPC",
      protocolVersion: "1.0",
    });
    expect(card).toMatchObject({ url: base, preferredTransport: "JSONRPC", version: "1.0.0" });
    expect(card.capabilities).toMatchObject({ streaming: true, pushNotifications: false });
    expect(card.provider?.organization).toBe("Northwind Labs");
    const client = await clientFor("northwind-research-analyst");
    expect((await client.getAgentCard()).supportedInterfaces[0]?.protocolVersion).toBe("1.0");
  });

  it("completes a blocking SendMessage on a persona agent with a computed artifact", async () => {
    const client = await clientFor("northwind-data-analyst");
    const task = asTask(await client.sendMessage(send("Weekly signups: 120, 134, 98, 160, 171, 155")));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(artifactText(task)).toContain("| Mean | 139.67 |");
    const stored = await client.getTask({ tenant: "", id: task.id });
    expect(artifactText(stored)).toContain("| Max | 171 |");
  });

  it("streams progress updates, then the report, then completion, spaced out in time", async () => {
    const client = await clientFor("northwind-research-analyst");
    const events = await collectTimed(
      client.sendMessageStream(send("Size the European market for refurbished office furniture")),
    );
    const kinds = events.map((e) => e.payload.$case);
    expect(kinds[0]).toBe("task");
    const working = events.filter(
      (e) => e.payload.$case === "statusUpdate" && e.payload.value.status?.state === TaskState.TASK_STATE_WORKING,
    );
    expect(working.length).toBeGreaterThanOrEqual(3);
    const firstArtifact = kinds.indexOf("artifactUpdate");
    const last = events.at(-1)!;
    expect(events.indexOf(working.at(-1)!)).toBeLessThan(firstArtifact);
    expect(last.payload.$case === "statusUpdate" && last.payload.value.status?.state).toBe(
      TaskState.TASK_STATE_COMPLETED,
    );
    const report = events.flatMap((e) =>
      e.payload.$case === "artifactUpdate" ? (e.payload.value.artifact?.parts ?? []) : [],
    );
    expect(partsText(report)).toContain("# Research brief");
    // Unbuffered: the first progress update reaches the client well before the end.
    expect(last.at - working[0]!.at).toBeGreaterThanOrEqual(3 * STEP_MS * 0.8);
  });

  it("asks a question (input-required) and finishes when answered on the same task", async () => {
    const client = await clientFor("northwind-intake-coordinator");
    const asked = asTask(await client.sendMessage(send("Pull together all refund complaints about the Pro plan")));
    expect(asked.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
    expect(text(asked.status?.message)).toBe("Which date range should I cover?");
    const done = asTask(
      await client.sendMessage(send("January to March 2026", { taskId: asked.id, contextId: asked.contextId })),
    );
    expect(done.id).toBe(asked.id);
    expect(done.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(artifactText(done)).toContain("**Which date range should I cover:** January to March 2026");
    expect(artifactText(done)).toContain("refund complaints about the Pro plan");
  });

  it("fails on its trigger word with a clear message, and completes without it", async () => {
    const client = await clientFor("northwind-contract-checker");
    const failed = asTask(await client.sendMessage(send("Please FAIL this review")));
    expect(failed.status?.state).toBe(TaskState.TASK_STATE_FAILED);
    expect(text(failed.status?.message)).toContain('trigger word "FAIL"');
    const fine = asTask(await client.sendMessage(send("Term of 24 months, liability capped at fees paid")));
    expect(fine.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(artifactText(fine)).toContain("- [x] Limitation of liability");
  });

  it("cancels a running streaming task", async () => {
    const client = await clientFor("northwind-research-analyst");
    const stream = client.sendMessageStream(send("Who competes with us in B2B expense management?"));
    const seen: string[] = [];
    let canceled: Task | undefined;
    for await (const event of stream) {
      const payload = event.payload;
      if (payload?.$case === "artifactUpdate") seen.push("artifact");
      if (payload?.$case === "statusUpdate") seen.push(String(payload.value.status?.state));
      if (
        payload?.$case === "statusUpdate" &&
        payload.value.status?.state === TaskState.TASK_STATE_WORKING &&
        !canceled
      ) {
        canceled = await client.cancelTask({ tenant: "", id: payload.value.taskId, metadata: undefined });
      }
    }
    expect(canceled?.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    expect(seen.at(-1)).toBe(String(TaskState.TASK_STATE_CANCELED));
    expect(seen).not.toContain("artifact");
    await new Promise((resolve) => setTimeout(resolve, 6 * STEP_MS));
    const later = await client.getTask({ tenant: "", id: canceled!.id });
    expect(later.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    expect(later.artifacts).toEqual([]);
  });

  it("speaks v0.3 to the SDK's legacy client transport", async () => {
    const card = (await (await fetch(demoAgentCardUrl("northwind-blog-writer", server.url))).json()) as DemoAgentCard;
    const legacyOnly = {
      ...card,
      supportedInterfaces: card.supportedInterfaces.filter((i) => i.protocolVersion === "0.3"),
    };
    const factory = new ClientFactory(
      ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
        transports: [new JsonRpcTransportFactory({ legacyCompat: { enabled: true } })],
      }),
    );
    const client = await factory.createFromAgentCard(legacyOnly);
    const events = await collectTimed(
      client.sendMessageStream(send("Write a post announcing our new usage-based pricing")),
    );
    const last = events.at(-1)!.payload;
    expect(last.$case === "statusUpdate" && last.value.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(events.filter((e) => e.payload.$case === "artifactUpdate").length).toBeGreaterThanOrEqual(2);
  });

  it("accepts raw JSON-RPC with the v0.3 method name message/send", async () => {
    const response = await fetch(demoAgentBaseUrl("northwind-support-triage", server.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 7,
        method: "message/send",
        params: {
          message: {
            kind: "message",
            messageId: "m-1",
            role: "user",
            parts: [{ kind: "text", text: "I was charged twice" }],
          },
        },
      }),
    });
    const body = (await response.json()) as {
      id: number;
      result: { kind: string; status: { state: string }; artifacts: { parts: { text: string }[] }[] };
    };
    expect(body.id).toBe(7);
    expect(body.result.kind).toBe("task");
    expect(body.result.status.state).toBe("completed");
    expect(body.result.artifacts[0]?.parts[0]?.text).toContain(
      '- [x] Billing question (route to billing) (mentions "charged")',
    );
  });

  it("answers 404 JSON for an unknown agent, over HTTP and from the Next.js route", async () => {
    const post = await fetch(demoAgentBaseUrl("no-such-agent", server.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "SendMessage", params: {} }),
    });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({
      error: { code: "not_found", message: 'There is no demo agent named "no-such-agent".' },
    });
    expect((await fetch(demoAgentCardUrl("no-such-agent", server.url))).status).toBe(404);
    const routed = await cardRoute(new Request("http://app.test/x"), {
      params: Promise.resolve({ slug: "no-such-agent" }),
    });
    expect(routed.status).toBe(404);
    const known = await cardRoute(new Request("http://app.test/x"), {
      params: Promise.resolve({ slug: "northwind-copy-editor" }),
    });
    expect(((await known.json()) as DemoAgentCard).name).toBe("Northwind Copy Editor");
  });
});
