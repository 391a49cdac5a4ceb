import { readBody, startLocalServer } from "../../support/local-http";

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 that keeps every request and answers with
 * the statuses queued by `answer` (then 200 with "ok").
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const queued: number[] = [];
  const server = await startLocalServer((req, res) => {
    void readBody(req).then((body) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
      received.push({ headers, body });
      const status = queued.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "ok" : `receiver says no (${status})`);
    });
  });
  return {
    url: `${server.url}/hooks`,
    received,
    /** The next answers' statuses, in order. */
    answer: (...statuses: number[]) => queued.push(...statuses),
    close: server.close,
  };
}

export async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
