/**
 * Gateway overhead: the same demo agent called directly and through Bureau's
 * A2A gateway (API key auth, rate limit, startTask with the ledger hold,
 * durable run on the local engine, settlement), at several concurrencies.
 * Throughput through the gateway counts a task done only once it is settled.
 */
import { benchDatabase, fmt, load, summarize } from "./support";

const LEVELS = [1, 50, 100, 200];
const PORT = 47_311;

export async function runGatewayBench(): Promise<string> {
  const database = await benchDatabase("gateway", {
    APP_URL: `http://127.0.0.1:${PORT}`,
    OUTBOUND_ALLOW_HOSTS: "127.0.0.1",
    DEMO_AGENT_STEP_MS: "0",
    GATEWAY_RATE_LIMIT_PER_MINUTE: "1000000",
    JOBS_EXECUTOR_ID: `bench-${process.pid}`,
  });
  const { startJobEngine, stopJobEngine } = await import("../server/jobs/engine");
  const { allFunctions } = await import("../inngest/functions");
  const { startAppServer } = await import("../tests/support/app-server");
  const { publishDemoAgent, buyerWithCredits } = await import("../tests/support/task-fixtures");
  const { gatewayClient, sendRequest } = await import("../tests/support/a2a-client");
  const { gatewayCardUrl } = await import("../server/a2a/urls");
  const { demoAgentCardUrl } = await import("../server/demo-agents/catalog");
  const { ClientFactory } = await import("@a2a-js/sdk/client");
  const { db } = await import("../server/db");

  await startJobEngine(allFunctions);
  const server = await startAppServer();
  const rows: string[] = [];
  try {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 1);
    const buyer = await buyerWithCredits(10_000_000);
    const direct = await new ClientFactory().createFromUrl(
      demoAgentCardUrl("northwind-data-analyst", process.env.APP_URL!),
      "",
    );
    const viaGateway = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    // Warm both paths (JIT, pools, prepared statements).
    await load(20, 5, () => direct.sendMessage(sendRequest("1, 2, 3")));
    await load(20, 5, () => viaGateway.sendMessage(sendRequest("1, 2, 3")));

    for (const concurrency of LEVELS) {
      const total = concurrency === 1 ? 50 : Math.max(300, concurrency * 3);
      const d = await load(total, concurrency, () => direct.sendMessage(sendRequest("4, 5, 6")));
      const t0 = performance.now();
      const g = await load(total, concurrency, () => viaGateway.sendMessage(sendRequest("4, 5, 6")));
      // A gateway task counts once its hold is captured, not when the reply left.
      while ((await db.task.count({ where: { orgId: buyer.org.id, settledAt: null } })) > 0)
        await new Promise((r) => setTimeout(r, 10));
      const gatewayWallMs = performance.now() - t0;
      const ds = summarize(d.latencies);
      const gs = summarize(g.latencies);
      const directRps = (total / d.wallMs) * 1000;
      const gatewayRps = (total / gatewayWallMs) * 1000;
      rows.push(
        `| ${concurrency} | ${total} | ${fmt(ds.p50)} / ${fmt(ds.p99)} | ${fmt(gs.p50)} / ${fmt(gs.p99)} | ` +
          `${fmt(gs.p50 - ds.p50)} / ${fmt(gs.p99 - ds.p99)} | ${fmt(directRps, 0)} | ${fmt(gatewayRps, 0)} | ` +
          `${fmt(gatewayRps / directRps, 2)}× |`,
      );
    }
  } finally {
    await server.close();
    await stopJobEngine();
    await db.$disconnect();
    await database.done();
  }
  return [
    "| concurrency | calls | direct p50 / p99 ms | gateway p50 / p99 ms | added p50 / p99 ms | direct calls/s " +
      "| gateway tasks/s (settled) | ratio |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

if (import.meta.filename === process.argv[1]) {
  console.log(await runGatewayBench());
  process.exit(0);
}
