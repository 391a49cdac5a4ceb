import { describe, expect, it } from "vitest";
import { formatSseFrame, sseResponse } from "@/server/http/sse";

async function firstChunk(response: Response): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return value ?? "";
}

describe("server-sent events", () => {
  it("answers with bytes at once, before the source has anything, so the browser's EventSource opens", async () => {
    let stopped = false;
    const response = sseResponse(async function* (signal) {
      // A quiet task: nothing to send for a long time.
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      stopped = true;
      yield { data: null };
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(await firstChunk(response)).toBe("retry: 3000\n\n");
    // Closing the body stops the source instead of leaving it waiting for nobody.
    await expect.poll(() => stopped).toBe(true);
  });

  it("frames events with their id, so a reconnect resumes after the last one seen", async () => {
    expect(formatSseFrame({ id: "42", event: "task-event", data: { kind: "status" } })).toBe(
      'id: 42\nevent: task-event\ndata: {"kind":"status"}\n\n',
    );
    // A newline smuggled into an id or event name cannot start a new field.
    expect(formatSseFrame({ id: "1\ndata: x", event: "a\r\nb", data: "y" })).toBe(
      'id: 1data: x\nevent: ab\ndata: "y"\n\n',
    );
  });

  it("ends a failing source with a generic stream-error frame", async () => {
    const response = sseResponse(async function* () {
      yield { id: "1", data: "first" };
      throw new Error("database password is hunter2");
    });
    const text = await response.text();
    expect(text).toContain('id: 1\ndata: "first"');
    expect(text).toContain("event: stream-error");
    expect(text).not.toContain("hunter2");
  });
});
