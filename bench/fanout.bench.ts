/**
 * Fan-out across processes: how long a task event committed by one app
 * process takes to come out of a live stream (streamTaskEvents, what the task
 * page and A2A streams read) held by another, through Postgres LISTEN/NOTIFY
 * and through Redis pub/sub, side by side.
 *
 * The writer commits one event at a time (the row and its pg_notify in one
 * transaction, then, on the Redis run, publishTaskNotifications) and waits
 * until the holder process reports the stream yielded it. Both processes
 * stamp times with performance.timeOrigin + performance.now(), one clock on
 * one machine. `BENCH_FANOUT_EVENTS` (default 500) per path; Redis at
 * BENCH_REDIS_URL, else redis://127.0.0.1:6379 (its row is left out, with a
 * note, when nothing answers there).
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { createInterface } from "node:readline";
import { SERVER_NODE_ARGS } from "../scripts/lib/server-node-args";
import { benchDatabase, fmt, summarize } from "./support";

const EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? 500);
const WARMUP = 20;
const REDIS = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const now = () => performance.timeOrigin + performance.now();

/** The other process: holds one stream and prints `{ id, at }` for every event it yields. */
async function hold(orgId: string, taskId: string) {
  const { taskListener } = await import("../server/services/events/task-listener");
  const { streamTaskEvents } = await import("../server/services/events/stream-task-events");
  await taskListener.ensure();
  process.stdout.write(`${JSON.stringify({ ready: taskListener.transport, live: taskListener.connected })}\n`);
  for await (const event of streamTaskEvents({ orgId, taskId })) {
    process.stdout.write(`${JSON.stringify({ id: event.id.toString(), at: now() })}\n`);
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const { createClient } = await import("redis");
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

async function main(): Promise<string> {
  const withRedis = await redisAnswers(REDIS);
  // Server modules read REDIS_URL on import: set it (for publishing) before any is loaded.
  // APP_URL only names the demo agent's card URL; nothing is served.
  const database = await benchDatabase("fanout", {
    APP_URL: "http://127.0.0.1:47413",
    ...(withRedis ? { REDIS_URL: REDIS } : {}),
  });
  const { db } = await import("../server/db");
  const { closeRedis } = await import("../server/redis");
  const { publishTaskNotifications } = await import("../server/services/events/task-fanout");
  const { TASK_EVENTS_CHANNEL } = await import("../server/services/tasks/task-events");
  const { publishDemoAgent, buyerWithCredits } = await import("../tests/support/task-fixtures");
  const children: ChildProcess[] = [];
  const rows: string[] = [];
  try {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 0);
    const buyer = await buyerWithCredits(0);
    for (const path of withRedis ? (["postgres", "redis"] as const) : (["postgres"] as const)) {
      const task = await db.task.create({
        data: { orgId: buyer.org.id, agentId: agent.id, contextId: "bench", price: 0, state: "WORKING", input: {} },
      });
      const target = { orgId: buyer.org.id, taskId: task.id };
      const child = spawn(
        process.execPath,
        [...SERVER_NODE_ARGS, import.meta.filename, "hold", target.orgId, target.taskId],
        { env: { ...process.env, REDIS_URL: path === "redis" ? REDIS : "" }, stdio: ["ignore", "pipe", "inherit"] },
      );
      children.push(child);
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const next = async () => {
        const line = await lines.next();
        if (line.done) throw new Error("the holder process exited");
        return JSON.parse(line.value) as { ready?: string; live?: boolean; id?: string; at?: number };
      };
      const ready = await next();
      if (ready.ready !== path || !ready.live) throw new Error(`holder not listening on ${path}`);

      const fromWrite: number[] = [];
      const fromCommit: number[] = [];
      for (let i = 0; i < WARMUP + EVENTS; i++) {
        const started = now();
        const note = await db.$transaction(async (tx) => {
          const row = await tx.taskEvent.create({
            data: { ...target, kind: "status", data: { state: "WORKING", text: `tick ${i}` } },
            select: { id: true },
          });
          const payload = { ...target, id: row.id.toString() };
          await tx.$executeRaw`SELECT pg_notify(${TASK_EVENTS_CHANNEL}, ${JSON.stringify(payload)})`;
          return payload;
        });
        const committed = now();
        if (path === "redis") await publishTaskNotifications([note]);
        let seen = await next();
        while (seen.id !== note.id) seen = await next();
        if (i >= WARMUP) {
          fromWrite.push(seen.at! - started);
          fromCommit.push(seen.at! - committed);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      child.kill("SIGKILL");
      const w = summarize(fromWrite);
      const c = summarize(fromCommit);
      const label = path === "redis" ? "Redis pub/sub" : "Postgres LISTEN/NOTIFY";
      rows.push(
        `| ${label} | ${EVENTS} | ${fmt(c.p50, 2)} | ${fmt(c.p95, 2)} | ${fmt(c.p99, 2)} | ` +
          `${fmt(w.p50, 2)} | ${fmt(w.p95, 2)} | ${fmt(w.p99, 2)} |`,
      );
    }
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await closeRedis();
    await db.$disconnect();
    await database.done();
  }
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
  return [
    "| path | events | commit → stream p50 (ms) | p95 | p99 | write start → stream p50 (ms) | p95 | p99 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `${os.cpus().length} cores, load average ${load} (1 / 5 / 15 min) at the end of the run.` +
      (withRedis ? "" : ` No Redis answered at ${REDIS}: its row is missing.`),
  ].join("\n");
}

if (import.meta.filename === process.argv[1]) {
  if (process.argv[2] === "hold") {
    await hold(process.argv[3]!, process.argv[4]!);
  } else {
    console.log(await main());
    process.exit(0);
  }
}
