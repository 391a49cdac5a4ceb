import { describe, expect, it } from "vitest";
import { formatSseFrame, sseResponse, type SseFrame } from "@/server/http/sse";

async function bodyText(response: Response) {
  return new Response(response.body).text();
}

describe("SSE framing", () => {
  it("writes id, event and one JSON data line per frame", () => {
    expect(formatSseFrame({ id: "42", event: "task-event", data: { text: "two\nlines" } })).toBe(
      'id: 42\nevent: task-event\ndata: {"text":"two\\nlines"}\n\n',
    );
    // A newline smuggled into a field cannot start a new field.
    expect(formatSseFrame({ id: "1\nevent: evil", data: null })).toBe("id: 1event: evil\ndata: null\n\n");
  });

  it("streams the source, then the final frame", async () => {
    async function* source(): AsyncGenerator<SseFrame> {
      yield { id: "1", event: "task-event", data: { n: 1 } };
      yield { id: "2", event: "task-event", data: { n: 2 } };
    }
    const response = sseResponse(source, { final: () => ({ event: "end", data: { state: "COMPLETED" } }) });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(await bodyText(response)).toBe(
      'retry: 3000\n\nid: 1\nevent: task-event\ndata: {"n":1}\n\nid: 2\nevent: task-event\ndata: {"n":2}\n\nevent: end\ndata: {"state":"COMPLETED"}\n\n',
    );
  });

  it("sends heartbeat comments while the source is quiet", async () => {
    async function* slow(): AsyncGenerator<SseFrame> {
      await new Promise((resolve) => setTimeout(resolve, 120));
      yield { data: "done" };
    }
    const text = await bodyText(sseResponse(slow, { heartbeatMs: 25 }));
    expect(text.match(/: heartbeat\n\n/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text.endsWith('data: "done"\n\n')).toBe(true);
  });

  it("ends with a generic error frame when the source throws", async () => {
    async function* broken(): AsyncGenerator<SseFrame> {
      throw new Error("database password is hunter2");
    }
    const text = await bodyText(sseResponse(broken));
    expect(text).toContain("event: stream-error");
    expect(text).not.toContain("hunter2");
  });

  it("aborts the source's signal when the client disconnects", async () => {
    let seen: AbortSignal | undefined;
    async function* forever(signal: AbortSignal): AsyncGenerator<SseFrame> {
      seen = signal;
      while (!signal.aborted) {
        yield { data: "tick" };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    const client = new AbortController();
    const response = sseResponse(forever, {
      request: new Request("http://localhost/events", { signal: client.signal }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    client.abort();
    await expect.poll(() => seen?.aborted).toBe(true);
    await reader.cancel();
  });
});
