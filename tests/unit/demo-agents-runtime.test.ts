import { describe, expect, it, vi } from "vitest";
import type { FetchFn } from "@/server/demo-agents/llm";
import { createDemoAgentRuntime } from "@/server/demo-agents/runtime";

async function legacySend(runtime: ReturnType<typeof createDemoAgentRuntime>, slug: string, text: string) {
  const response = await runtime.handle(
    slug,
    new Request(`http://app.test/api/demo-agents/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "message/send",
        params: {
          message: { kind: "message", messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text }] },
        },
      }),
    }),
  );
  return (await response.json()) as {
    result?: {
      status: { state: string };
      artifacts?: { parts: { text: string }[]; metadata?: Record<string, string> }[];
    };
    error?: { code: number; message: string };
  };
}

describe("demo agent runtime", () => {
  it("writes the answer with the LLM when a key is set", async () => {
    const fetchImpl = vi.fn<FetchFn>(async () =>
      Response.json({ choices: [{ message: { content: "## From the model" } }] }),
    );
    const runtime = createDemoAgentRuntime({
      appUrl: "http://app.test",
      stepMs: 0,
      llm: { openaiApiKey: "k" },
      fetchImpl,
    });
    const { result } = await legacySend(runtime, "northwind-literature-scout", "Summarise this.");
    expect(result?.status.state).toBe("completed");
    expect(result?.artifacts?.[0]?.parts[0]?.text).toBe("## From the model");
    expect(result?.artifacts?.[0]?.metadata).toEqual({ generator: "openai" });
    expect(String(fetchImpl.mock.calls[0]![1].body)).toContain("Northwind Literature Scout");
  });

  it("falls back to the template, and reports why, when the LLM fails", async () => {
    const onLlmError = vi.fn();
    const fetchImpl = vi.fn<FetchFn>(async () => new Response("overloaded", { status: 529 }));
    const runtime = createDemoAgentRuntime({
      appUrl: "http://app.test",
      stepMs: 0,
      llm: { anthropicApiKey: "k" },
      fetchImpl,
      onLlmError,
    });
    const { result } = await legacySend(runtime, "northwind-data-analyst", "3, 4, 5");
    expect(result?.artifacts?.[0]?.parts[0]?.text).toContain("| Mean | 4 |");
    expect(result?.artifacts?.[0]?.metadata).toEqual({ generator: "template" });
    expect(onLlmError).toHaveBeenCalledWith(
      expect.objectContaining({ message: "anthropic answered HTTP 529" }),
      "northwind-data-analyst",
    );
  });

  it("fails a task whose message has no text, and rejects malformed requests", async () => {
    const runtime = createDemoAgentRuntime({ appUrl: "http://app.test", stepMs: 0, llm: {} });
    const { result } = await legacySend(runtime, "northwind-copy-editor", "   ");
    expect(result?.status.state).toBe("failed");
    const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      runtime.handle("northwind-copy-editor", new Request("http://app.test/x", { method: "POST", headers, body }));
    expect(await (await post("{not json")).json()).toMatchObject({ error: { code: -32700 } });
    expect(await (await post(JSON.stringify({ method: "SendMessage" }))).json()).toMatchObject({
      error: { code: -32600 },
    });
    expect(await (await post("{}", { "content-type": "text/plain" })).json()).toMatchObject({
      error: { code: -32005 },
    });
    const unsupported = await post(JSON.stringify({ jsonrpc: "2.0", id: 3, method: "SendMessage", params: {} }), {
      "content-type": "application/json",
      "A2A-Version": "2.0",
    });
    expect(await unsupported.json()).toMatchObject({
      id: 3,
      error: { message: expect.stringContaining("'2.0' is not supported") },
    });
  });
});
