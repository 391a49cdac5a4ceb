/**
 * The org event log under load: events appended per second (each in its own
 * transaction, as a change writes it) and delivered to 1,000 live
 * subscribers of GET /api/v1/events/stream held by another process, with the
 * end-to-end latency from the event's commit time to each subscriber's read.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../scripts/lib/server-node-args";
import { benchDatabase, fmt, summarize } from "./support";

const SUBSCRIBERS = Number(process.env.BENCH_ORG_EVENT_SUBSCRIBERS ?? 1_000);
const SECONDS = Number(process.env.BENCH_ORG_EVENT_SECONDS ?? 5);
const WRITERS = 4;
const PORT = 47_421;

export async function runOrgEventsBench(): Promise<string> {
  const database = await benchDatabase("org_events", { APP_URL: `http://127.0.0.1:${PORT}` });
  const { db } = await import("../server/db");
  const { recordEvent } = await import("../server/services/events/record-event");
  const { buyerWithCredits } = await import("../tests/support/task-fixtures");
  const { createApiKey } = await import("../server/services/api-keys/create-api-key");
  const { Agent, fetch: undiciFetch } = await import("undici");

  const server = spawn(
    process.execPath,
    [...SERVER_NODE_ARGS, path.join(import.meta.dirname, "org-events-server.ts"), String(PORT)],
    {
      env: { ...process.env, DATABASE_POOL_SIZE: "20" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise((resolve) => createInterface({ input: server.stdout! }).once("line", resolve));
  const dispatcher = new Agent({ connections: null, pipelining: 0, headersTimeout: 0, bodyTimeout: 0 });
  const controllers: AbortController[] = [];
  try {
    const buyer = await buyerWithCredits(0);
    const { key } = await createApiKey({
      orgId: buyer.org.id,
      userId: buyer.user.id,
      name: "bench",
      scopes: ["events:read"],
      expiresInDays: null,
    });
    // Each subscriber counts the bench's events and their latency (receipt − commit time).
    const received: number[] = new Array<number>(SUBSCRIBERS).fill(0);
    const latencies: number[] = [];
    const open = async (index: number) => {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await undiciFetch(`http://127.0.0.1:${PORT}/api/v1/events/stream?types=credits.granted`, {
        headers: { authorization: `Bearer ${key}` },
        signal: controller.signal,
        dispatcher,
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          const frames = buffer.split("\n\n");
          buffer = frames.pop() ?? "";
          for (const frame of frames) {
            const data = frame.split("\n").find((line) => line.startsWith("data: "));
            if (!data) continue;
            const event = JSON.parse(data.slice(6)) as { createdAt: string };
            received[index]! += 1;
            if (index % 10 === 0) latencies.push(Date.now() - Date.parse(event.createdAt));
          }
        }
      })();
    };
    const opened0 = performance.now();
    for (let i = 0; i < SUBSCRIBERS; i += 250)
      await Promise.all(Array.from({ length: Math.min(250, SUBSCRIBERS - i) }, (_, j) => open(i + j)));
    const openSeconds = (performance.now() - opened0) / 1000;
    await new Promise((r) => setTimeout(r, 1_000));

    const rows: string[] = [];
    // As fast as the writers go, then a paced rate the subscribers can follow.
    for (const rate of [null, 50]) {
      const base = received.slice();
      latencies.length = 0;
      let appended = 0;
      const until = performance.now() + SECONDS * 1000;
      const a0 = performance.now();
      await Promise.all(
        Array.from({ length: rate ? 1 : WRITERS }, async () => {
          while (performance.now() < until) {
            const due = a0 + (appended * 1000) / (rate ?? Infinity);
            if (rate && performance.now() < due) await new Promise((r) => setTimeout(r, due - performance.now()));
            await db.$transaction((tx) =>
              recordEvent(tx, {
                orgId: buyer.org.id,
                type: "credits.granted",
                subject: { type: "wallet", id: buyer.org.id },
                actor: { kind: "system", id: "bench" },
                data: { amount: 1, reason: "bench" },
              }),
            );
            appended += 1;
          }
        }),
      );
      const appendSeconds = (performance.now() - a0) / 1000;
      const got = () => received.map((n, i) => n - base[i]!);
      const deadline = performance.now() + 90_000;
      while (got().some((n) => n < appended) && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const deliveredSeconds = (performance.now() - a0) / 1000;
      const complete = got().filter((n) => n === appended).length;
      const s = summarize(latencies);
      const stats = (await (await fetch(`http://127.0.0.1:${PORT}/stats`)).json()) as { open: number; rss: number };
      rows.push(
        `| ${rate ? `paced, ${rate}/s` : `${WRITERS} writers, unpaced`} | ${SUBSCRIBERS.toLocaleString("en-US")} | ` +
          `${appended.toLocaleString("en-US")} | ${fmt(appended / appendSeconds, 0)} /s | ` +
          `${fmt(deliveredSeconds, 1)} s | ${fmt((appended * SUBSCRIBERS) / deliveredSeconds, 0)} | ` +
          `${complete.toLocaleString("en-US")} | ${fmt(s.p50, 0)} / ${fmt(s.p95, 0)} / ${fmt(s.p99, 0)} ms | ` +
          `${fmt(stats.rss / 2 ** 20, 0)} MB |`,
      );
    }
    return [
      `${SUBSCRIBERS.toLocaleString("en-US")} subscribers opened in ${fmt(openSeconds, 1)} s; ${SECONDS} s of appends.`,
      "",
      "| appends | subscribers | events appended | append rate | delivered to all after | deliveries/s | " +
        "subscribers with every event | latency p50 / p95 / p99 | server RSS |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
    ].join("\n");
  } finally {
    for (const c of controllers) c.abort();
    server.kill("SIGKILL");
    await dispatcher.close().catch(() => undefined);
    await db.$disconnect();
    await database.done();
  }
}

if (import.meta.filename === process.argv[1]) {
  console.log(await runOrgEventsBench());
  process.exit(0);
}
