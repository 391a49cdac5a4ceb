/**
 * Gateway overhead on a production build (issue 10's table): `next start`
 * of the bench build serves both the Northwind demo agent and the gateway
 * in front of it; this process drives both with the official A2A client,
 * blocking SendMessage, side by side, at concurrency 1, 50 and 250 (one org
 * wallet throughout). A gateway task counts only once its hold is captured.
 * Ends with the exact-settlement invariants; any failure fails the bench.
 */
import { TaskState, type Message, type Task } from "@a2a-js/sdk";
import type { Client } from "@a2a-js/sdk/client";
import { Agent } from "undici";
import { buildApp, freePort, machineLine, note, startApp, type AppProcess } from "./app-process";
import {
  appEnv,
  benchClient,
  benchDatabase,
  checkSettlement,
  fmt,
  load,
  measureDatabaseWork,
  summarize,
} from "./support";

const GRANTED = 10_000_000;
const CALLS_AT_1 = Number(process.env.GATEWAY_CALLS_AT_1 ?? 100);
const CALLS_AT_50 = Number(process.env.GATEWAY_CALLS_AT_50 ?? 300);
const CALLS_AT_250 = Number(process.env.GATEWAY_CALLS_AT_250 ?? 250);

interface Level {
  concurrency: number;
  calls: number;
  direct: ReturnType<typeof summarize> & { perSecond: number; failed: number };
  gateway: ReturnType<typeof summarize> & { perSecond: number; failed: number };
}

export async function runGatewayBench(): Promise<{ output: string; ok: boolean }> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const database = await benchDatabase("gateway", { APP_URL: appUrl, OUTBOUND_ALLOW_HOSTS: "127.0.0.1" });
  const env = appEnv(database.databaseUrl, appUrl);
  let before = "";
  let app: AppProcess | undefined;
  const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 30_000 });
  const { db } = await import("../server/db");
  try {
    await buildApp(env);
    app = await startApp(port, env);
    const { publishDemoAgent, buyerWithCredits } = await import("../tests/support/task-fixtures");
    const { sendRequest } = await import("../tests/support/a2a-client");
    const { gatewayCardUrl } = await import("../server/a2a/urls");
    const { demoAgentCardUrl } = await import("../server/demo-agents/catalog");

    const { agent } = await publishDemoAgent("northwind-data-analyst", 1);
    const buyer = await buyerWithCredits(GRANTED);
    const direct = await benchClient(demoAgentCardUrl("northwind-data-analyst", appUrl), { dispatcher });
    const viaGateway = await benchClient(gatewayCardUrl(agent.slug), { dispatcher, apiKey: buyer.apiKey });
    let accepted = 0;
    const call = (client: Client, counted: boolean) => async () => {
      const result: Message | Task = await client.sendMessage(sendRequest("4, 5, 6"));
      if (!("status" in result)) throw new Error(`expected a task, got ${JSON.stringify(result).slice(0, 200)}`);
      if (counted) accepted++;
      if (result.status?.state !== TaskState.TASK_STATE_COMPLETED)
        throw new Error(`task ended ${result.status?.state}`);
    };
    let benchQueries = 0;
    const untilBilled = async () => {
      for (;;) {
        benchQueries++;
        const open = await db.task.count({
          where: { orgId: buyer.org.id, OR: [{ settledAt: null }, { hold: { status: "HELD" } }] },
        });
        if (open === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const measure = async (concurrency: number, calls: number): Promise<Level> => {
      note(`concurrency ${concurrency}: ${calls} direct calls, then ${calls} through the gateway`);
      const d = await tolerant(calls, concurrency, call(direct, false));
      const t0 = performance.now();
      const g = await tolerant(calls, concurrency, call(viaGateway, true));
      await untilBilled();
      const billedMs = performance.now() - t0;
      return {
        concurrency,
        calls,
        direct: { ...summarize(d.latencies), perSecond: (calls / d.wallMs) * 1000, failed: d.failed },
        gateway: { ...summarize(g.latencies), perSecond: (calls / billedMs) * 1000, failed: g.failed },
      };
    };

    // After the build and start: the load the measurement itself runs under.
    before = machineLine("Load before");
    // Warm both paths (JIT, pools, prepared statements, the key cache).
    await tolerant(30, 5, call(direct, false));
    await tolerant(30, 5, call(viaGateway, true));
    await untilBilled();

    const levels: Level[] = [await measure(1, CALLS_AT_1)];
    note("concurrency 50 (with pg_stat_database deltas; ~30 s of settling around it)");
    const work = await measureDatabaseWork(database.serverUrl, database.name, async () => {
      benchQueries = 0;
      const level = await measure(50, CALLS_AT_50);
      return { level, tasks: CALLS_AT_50, benchQueries };
    });
    levels.push(work.result.level);
    levels.push(await measure(250, CALLS_AT_250));
    const after = machineLine("Load after");

    const invariants = await checkSettlement({ orgId: buyer.org.id, granted: GRANTED, accepted });
    const [c1, c50, c250] = levels as [Level, Level, Level];
    const ratio = c50.gateway.perSecond / c50.direct.perSecond;
    const addedP50 = c1.gateway.p50 - c1.direct.p50;
    const verdict = (value: number, must: number, goal: number, higherIsBetter: boolean) => {
      const meets = (limit: number) => (higherIsBetter ? value >= limit : value <= limit);
      return meets(goal) ? "goal met" : meets(must) ? "must met" : "not met";
    };
    const output = [
      before,
      after,
      `Node ${process.version}, app: next start (production build), agent: northwind-data-analyst with ` +
        "DEMO_AGENT_STEP_MS=0 on the same app; client: @a2a-js/sdk blocking SendMessage; one buyer org wallet.",
      "",
      "| measure | must | goal | measured | |",
      "| --- | --- | --- | ---: | --- |",
      `| billed throughput at 50 concurrent, gateway ÷ direct | ≥ 0.25× | ≥ 0.5× | ${fmt(ratio, 2)}× ` +
        `(${fmt(c50.gateway.perSecond, 0)} ÷ ${fmt(c50.direct.perSecond, 0)} /s) | ` +
        `${verdict(ratio, 0.25, 0.5, true)} |`,
      `| added p50 at concurrency 1 | ≤ 15 ms | ≤ 5 ms | ${fmt(addedP50)} ms ` +
        `(${fmt(c1.gateway.p50)} − ${fmt(c1.direct.p50)}) | ${verdict(addedP50, 15, 5, false)} |`,
      `| 250 concurrent blocking calls on one org wallet, p99 | ≤ 3 s | ≤ 1 s | ${fmt(c250.gateway.p99 / 1000, 2)} s ` +
        `(p50 ${fmt(c250.gateway.p50 / 1000, 2)} s, p95 ${fmt(c250.gateway.p95 / 1000, 2)} s) | ` +
        `${verdict(c250.gateway.p99, 3000, 1000, false)} |`,
      "| tasks in flight at once on one app process | 10,000, all settled | same, RSS < 1 GB | " +
        "`npm run bench -- inflight` | |",
      "",
      "| concurrency | calls | direct p50 / p95 / p99 ms | gateway p50 / p95 / p99 ms | added p50 ms " +
        "| direct calls/s | gateway tasks/s (billed) | ratio | failed direct / gateway |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...levels.map(
        (l) =>
          `| ${l.concurrency} | ${l.calls} | ${fmt(l.direct.p50)} / ${fmt(l.direct.p95)} / ${fmt(l.direct.p99)} | ` +
          `${fmt(l.gateway.p50)} / ${fmt(l.gateway.p95)} / ${fmt(l.gateway.p99)} | ` +
          `${fmt(l.gateway.p50 - l.direct.p50)} | ${fmt(l.direct.perSecond, 0)} | ${fmt(l.gateway.perSecond, 0)} | ` +
          `${fmt(l.gateway.perSecond / l.direct.perSecond, 2)}× | ${l.direct.failed} / ${l.gateway.failed} |`,
      ),
      "",
      `Database work per gateway task at concurrency 50 (pg_stat_database deltas of the bench database, ` +
        `idle background ${fmt(work.idleXactsPerSecond)} transactions/s and the bench's own ` +
        `${work.result.benchQueries} polls subtracted): ${fmt(work.xactsPerTask)} transactions (xact_commit), ` +
        `${fmt(work.insertedPerTask)} rows inserted, ${fmt(work.updatedPerTask)} rows updated.`,
      "",
      "Invariants after the run:",
      ...invariants.lines,
    ].join("\n");
    return { output, ok: invariants.ok };
  } catch (error) {
    if (app) note(`app log tail (${app.logFile}):\n${app.tail(40)}`);
    throw error;
  } finally {
    await app?.stop();
    await dispatcher.close().catch(() => undefined);
    await db.$disconnect();
    await database.done();
  }
}

/** Like `load`, but a failed call is counted instead of ending the run. */
async function tolerant(total: number, concurrency: number, once: () => Promise<void>) {
  let failed = 0;
  let firstError: unknown;
  const run = await load(total, concurrency, () =>
    once().catch((error: unknown) => {
      failed++;
      firstError ??= error;
    }),
  );
  if (failed) note(`${failed} of ${total} calls failed; first: ${String(firstError)}`);
  return { ...run, failed };
}

if (import.meta.filename === process.argv[1]) {
  const { output, ok } = await runGatewayBench();
  console.log(output);
  if (!ok) console.error("gateway bench: an invariant failed");
  process.exit(ok ? 0 : 1);
}
