import { describe, expect, it, vi } from "vitest";
import { LlmError, generateWithLlm, type FetchFn } from "@/server/demo-agents/llm";

const request = { system: "You are a test agent.", prompt: "Summarise: hello" };

function fakeFetch(status: number, body: unknown) {
  return vi.fn<FetchFn>(
    async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
  );
}

describe("demo agent LLM writer", () => {
  it("does nothing without a key", async () => {
    const fetchImpl = fakeFetch(200, {});
    expect(await generateWithLlm(request, {}, { fetchImpl })).toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("calls OpenAI chat completions first when both keys are set", async () => {
    const fetchImpl = fakeFetch(200, { choices: [{ message: { content: " # Answer \n" } }] });
    const result = await generateWithLlm(
      request,
      { openaiApiKey: "sk-test", anthropicApiKey: "ak-test" },
      { fetchImpl },
    );
    expect(result).toEqual({ provider: "openai", text: "# Answer" });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe("https://api.openai.com/v1/chat/completions");
    expect(new Headers(init.headers).get("authorization")).toBe("Bearer sk-test");
    const body = JSON.parse(String(init.body)) as { messages: { role: string; content: string }[] };
    expect(body.messages).toEqual([
      { role: "system", content: request.system },
      { role: "user", content: request.prompt },
    ]);
  });

  it("calls Anthropic messages and joins its text blocks", async () => {
    const fetchImpl = fakeFetch(200, {
      content: [
        { type: "text", text: "Part one. " },
        { type: "text", text: "Part two." },
      ],
    });
    const result = await generateWithLlm(request, { anthropicApiKey: "ak-test" }, { fetchImpl });
    expect(result).toEqual({ provider: "anthropic", text: "Part one. Part two." });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe("https://api.anthropic.com/v1/messages");
    expect(new Headers(init.headers).get("x-api-key")).toBe("ak-test");
    expect(JSON.parse(String(init.body))).toMatchObject({
      system: request.system,
      messages: [{ role: "user", content: request.prompt }],
    });
  });

  it("fails with the status only, never the key, on an HTTP error", async () => {
    const fetchImpl = fakeFetch(401, { error: { message: "bad key sk-secret" } });
    const error = await generateWithLlm(request, { openaiApiKey: "sk-secret" }, { fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as Error).message).toBe("openai answered HTTP 401");
  });

  it("fails on a malformed answer or a network error", async () => {
    await expect(
      generateWithLlm(request, { openaiApiKey: "k" }, { fetchImpl: fakeFetch(200, { choices: [] }) }),
    ).rejects.toThrow("openai returned no text");
    const offline = vi.fn<FetchFn>(async () => {
      throw new TypeError("fetch failed");
    });
    await expect(generateWithLlm(request, { anthropicApiKey: "k" }, { fetchImpl: offline })).rejects.toThrow(
      "anthropic request failed: TypeError",
    );
  });
});
