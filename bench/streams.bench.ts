/**
 * Live task streams: how many concurrent SSE streams (the task page's feed)
 * one server process holds, at what memory, and how fast one new task event
 * reaches all of them.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../scripts/lib/server-node-args";
import { benchDatabase, fmt } from "./support";

const STEPS = (process.env.BENCH_STREAMS ?? "1000,5000,10000").split(",").map(Number);
const PORT = 47_411;

export async function runStreamsBench(): Promise<string> {
  const database = await benchDatabase("streams", { APP_URL: `http://127.0.0.1:${PORT}` });
  const { db } = await import("../server/db");
  const { publishDemoAgent, buyerWithCredits } = await import("../tests/support/task-fixtures");
  const { signInHeaders } = await import("../tests/support/factories");
  const { appendTaskEvent } = await import("../server/services/tasks/task-events");
  const { Agent, fetch: undiciFetch } = await import("undici");

  const server = spawn(
    process.execPath,
    ["--expose-gc", ...SERVER_NODE_ARGS, path.join(import.meta.dirname, "stream-server.ts"), String(PORT)],
    {
      env: { ...process.env, DATABASE_POOL_SIZE: "20" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise((resolve) => createInterface({ input: server.stdout! }).once("line", resolve));
  const rows: string[] = [];
  const dispatcher = new Agent({ connections: null, pipelining: 0, headersTimeout: 0, bodyTimeout: 0 });
  const controllers: AbortController[] = [];
  try {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 0);
    const buyer = await buyerWithCredits(0);
    const cookie = (await signInHeaders(buyer.user.email)).get("cookie")!;
    const task = await db.task.create({
      data: { orgId: buyer.org.id, agentId: agent.id, contextId: "bench", price: 0, state: "WORKING", input: {} },
    });
    await appendTaskEvent(db, {
      taskId: task.id,
      orgId: buyer.org.id,
      kind: "status",
      data: { state: "WORKING", timestamp: new Date().toISOString() },
    });
    const url = `http://127.0.0.1:${PORT}/api/events/tasks/${task.id}?orgId=${buyer.org.id}`;
    const stats = async () =>
      (await (await fetch(`http://127.0.0.1:${PORT}/stats`)).json()) as { open: number; rss: number; heapUsed: number };
    const baseline = await stats();

    // Each stream resolves `seen(n)` when it has read n task-event frames.
    const counts: number[] = [];
    const waiters: (() => void)[] = [];
    const openStream = async (index: number) => {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await undiciFetch(url, { headers: { cookie }, signal: controller.signal, dispatcher });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      counts[index] = 0;
      const first = new Promise<void>((resolve) => (waiters[index] = resolve));
      void (async () => {
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          const frames = buffer.split("\n\n");
          buffer = frames.pop() ?? "";
          for (const frame of frames)
            if (frame.includes("event: task-event")) {
              counts[index]! += 1;
              waiters[index]?.();
            }
        }
      })();
      await first;
    };

    let opened = 0;
    for (const target of STEPS) {
      const t0 = performance.now();
      while (opened < target) {
        const batch = Math.min(250, target - opened);
        await Promise.all(Array.from({ length: batch }, (_, i) => openStream(opened + i)));
        opened += batch;
      }
      const connectSeconds = (performance.now() - t0) / 1000;
      const s = await stats();
      // Fan-out: one new event, timed until every stream has read it.
      const want = counts.map((c) => c + 1);
      const f0 = performance.now();
      await appendTaskEvent(db, {
        taskId: task.id,
        orgId: buyer.org.id,
        kind: "status",
        data: { state: "WORKING", text: `tick ${target}`, timestamp: new Date().toISOString() },
      });
      while (counts.some((c, i) => c < want[i]!)) await new Promise((r) => setTimeout(r, 5));
      const fanoutMs = performance.now() - f0;
      rows.push(
        `| ${target.toLocaleString("en-US")} | ${s.open.toLocaleString("en-US")} | ${fmt(s.rss / 2 ** 20, 0)} MB | ` +
          `${fmt((s.rss - baseline.rss) / 2 ** 10 / target, 1)} KB | ${fmt(s.heapUsed / 2 ** 20, 0)} MB | ` +
          `${fmt(fanoutMs, 0)} ms | ${fmt(connectSeconds, 1)} s |`,
      );
    }
  } finally {
    for (const c of controllers) c.abort();
    server.kill("SIGKILL");
    await dispatcher.close().catch(() => undefined);
    await db.$disconnect();
    await database.done();
  }
  return [
    "| streams | open on server | server RSS | RSS per stream | heap used | one event to all " +
      "| time to open this step |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

if (import.meta.filename === process.argv[1]) {
  console.log(await runStreamsBench());
  process.exit(0);
}
