/**
 * Where one task's database work goes: every statement the app and its
 * durable engine send to Postgres while blocking SendMessage calls run one at
 * a time through the gateway (key cache warm, demo agent with no delays),
 * counted by what it touches. Counting happens in this process, on
 * node-postgres' Client, which both Prisma's adapter and DBOS use, so it
 * needs no server settings. Prints a markdown table per task.
 */
import { createRequire } from "node:module";
import { benchDatabase, fmt } from "./support";

const TASKS = 50;
const PORT = 47_331;

interface Seen {
  text: string;
}

function instrumentPg(seen: Seen[]) {
  const pg = createRequire(import.meta.url)("pg") as { Client: { prototype: { query: (...a: unknown[]) => unknown } } };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "");
    seen.push({ text });
    return original.apply(this, args);
  };
}

const CATEGORIES: [string, RegExp][] = [
  ["transaction control (BEGIN, COMMIT, SAVEPOINT)", /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i],
  // The hot path's SQL functions (one statement each); older builds never send them.
  ["accept (bureau_accept_task: agent, task, events, hold, org events)", /bureau_accept_task\(/],
  ["settling write (bureau_write_task: state, artifacts, events, capture, org events)", /bureau_write_task\(/],
  ["durable engine (dbos schema)", /"dbos"\./],
  ["rate limit bucket", /RateLimitBucket/],
  ["org event log", /bureau_record_event|"Event"/],
  ["ledger and holds", /LedgerAccount|LedgerTransaction|LedgerEntry|CreditHold|Budget/],
  ["task events (+ NOTIFY)", /TaskEvent|pg_notify/],
  ["artifacts", /"Artifact"/],
  ["task rows", /"Task"/],
  ["agent and listing", /"Agent"|"AgentVersion"/],
  ["API keys", /apikey|"organization"/i],
  ["push configs", /TaskPushConfig/],
  ["runner heartbeat", /TaskRunner/],
];

export async function runTaskProfileBench(): Promise<string> {
  const database = await benchDatabase("task_profile", {
    APP_URL: `http://127.0.0.1:${PORT}`,
    OUTBOUND_ALLOW_HOSTS: "127.0.0.1",
    DEMO_AGENT_STEP_MS: "0",
    GATEWAY_RATE_LIMIT_PER_MINUTE: "1000000",
    JOBS_EXECUTOR_ID: `bench-profile-${process.pid}`,
  });
  const seen: Seen[] = [];
  instrumentPg(seen);
  const { startJobEngine, stopJobEngine } = await import("../server/jobs/engine");
  const { allFunctions } = await import("../inngest/functions");
  // Optional so the same bench also profiles builds from before the runner existed.
  const { taskRunner } = await import("../server/services/tasks/task-runner").catch(() => ({
    taskRunner: { start: async () => {}, stop: async () => {} },
  }));
  const { startAppServer } = await import("../tests/support/app-server");
  const { publishDemoAgent, buyerWithCredits } = await import("../tests/support/task-fixtures");
  const { gatewayClient, sendRequest } = await import("../tests/support/a2a-client");
  const { gatewayCardUrl } = await import("../server/a2a/urls");
  const { db } = await import("../server/db");

  await startJobEngine(allFunctions);
  await taskRunner.start();
  const server = await startAppServer();
  try {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 1);
    const buyer = await buyerWithCredits(1_000_000);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    for (let i = 0; i < 10; i++) await client.sendMessage(sendRequest("1, 2, 3"));
    const settled = () => db.task.count({ where: { orgId: buyer.org.id, settledAt: null } });
    while ((await settled()) > 0) await new Promise((r) => setTimeout(r, 10));

    seen.length = 0;
    const started = performance.now();
    for (let i = 0; i < TASKS; i++) await client.sendMessage(sendRequest("4, 5, 6"));
    const wallMs = performance.now() - started;
    const statements = seen.splice(0);
    // Background work (engine queue polls, heartbeats) is included: it is what the process pays while serving.
    const counts = new Map<string, number>();
    for (const { text } of statements) {
      const name = CATEGORIES.find(([, re]) => re.test(text))?.[0] ?? "other";
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const begins = statements.filter((s) => /^\s*BEGIN/i.test(s.text)).length;
    if (process.env.TASK_PROFILE_SHAPES === "1") printShapes(statements);
    const rows = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `| ${name} | ${fmt(n / TASKS, 1)} |`);
    return [
      `${TASKS} blocking SendMessage calls one at a time: ${fmt(wallMs / TASKS, 1)} ms per call, ` +
        `${fmt(statements.length / TASKS, 1)} statements and ${fmt(begins / TASKS, 1)} explicit transactions per task.`,
      "",
      "| statements per task, by what they touch | count |",
      "| --- | ---: |",
      ...rows,
      `| **total** | **${fmt(statements.length / TASKS, 1)}** |`,
    ].join("\n");
  } finally {
    await taskRunner.stop();
    await server.close();
    await stopJobEngine();
    await db.$disconnect();
    await database.done();
  }
}

/** TASK_PROFILE_SHAPES=1: the most frequent statements (first 120 characters), to stderr, per task. */
function printShapes(statements: Seen[]) {
  const shapes = new Map<string, number>();
  for (const { text } of statements) {
    const shape = text.replace(/\s+/g, " ").trim().slice(0, 120);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  for (const [shape, n] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 25))
    process.stderr.write(`${fmt(n / TASKS, 2).padStart(6)}  ${shape}\n`);
}

if (import.meta.filename === process.argv[1]) {
  console.log(await runTaskProfileBench());
  process.exit(0);
}
