/**
 * The knowledge graph (issue 15 §2) in real Postgres:
 *
 * 1. Quality: precision@5 and recall@5 of hybrid search on the fixture
 *    (tests/integration/knowledge/search-fixture.ts), text arms only, and
 *    with the vector arm where pgvector and OPENAI_API_KEY exist (otherwise
 *    the answer says "vectors unavailable" and why).
 * 2. Latency: search, the neighbourhood walk and relevantObservations on a
 *    generated graph of BENCH_KNOWLEDGE_ENTITIES entities (4 observations
 *    and about 2 relations each) beside the fixture, in the same org.
 */
import { benchDatabase, fmt, summarize } from "./support";

const ENTITIES = Number(process.env.BENCH_KNOWLEDGE_ENTITIES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const WORDS = [
  "invoice",
  "renewal",
  "contract",
  "pricing",
  "security",
  "audit",
  "shipment",
  "warehouse",
  "supplier",
  "customer",
  "onboarding",
  "training",
  "support",
  "escalation",
  "refund",
  "discount",
  "forecast",
  "budget",
  "hiring",
  "payroll",
  "compliance",
  "privacy",
  "hosting",
  "latency",
  "outage",
  "roadmap",
  "launch",
  "campaign",
  "partner",
  "reseller",
];
const TYPES = ["customer", "person", "product", "supplier", "policy", "process", "project", "decision"];

async function main() {
  const database = await benchDatabase("knowledge");
  const { db } = await import("../server/db");
  const { searchKnowledge } = await import("../server/services/knowledge/search-knowledge");
  const { neighbourhood } = await import("../server/services/knowledge/neighbourhood");
  const { relevantObservations } = await import("../server/services/knowledge/relevant-observations");
  const { embedObservations, vectorStatus } = await import("../server/services/knowledge/embeddings");
  const fixture = await import("../tests/integration/knowledge/search-fixture");

  const userId = crypto.randomUUID();
  const orgId = crypto.randomUUID();
  await db.user.create({ data: { id: userId, name: "Bench", email: `bench-${userId}@example.test` } });
  await db.organization.create({ data: { id: orgId, name: "Bench Co", slug: `bench-${orgId}` } });
  await db.member.create({ data: { id: crypto.randomUUID(), organizationId: orgId, userId, role: "owner" } });
  const actor = { kind: "user" as const, userId };
  await fixture.loadSearchFixture(orgId, actor);

  // 1. Quality on the fixture alone.
  const vectors = await vectorStatus();
  if (vectors.available) await embedObservations(orgId);
  const quality = async (withVectors: boolean) => {
    const rows = [];
    for (const q of fixture.FIXTURE_QUERIES) {
      const answer = await searchKnowledge({ orgId, actor, query: q.query, limit: 5, vectors: withVectors });
      const ranked = answer.results.map((r) => r.entity.name);
      rows.push({
        kind: q.kind,
        p5: fixture.precisionAt5(ranked, q.relevant),
        ideal: fixture.idealPrecisionAt5(q.relevant),
        r5: fixture.recallAt5(ranked, q.relevant),
      });
    }
    return rows;
  };
  const mean = (rows: { p5: number }[], key: "p5" | "ideal" | "r5") =>
    rows.reduce((s, r) => s + (r as Record<string, number>)[key]!, 0) / rows.length;
  const report = (label: string, rows: Awaited<ReturnType<typeof quality>>) => {
    const kinds = [...new Set(rows.map((r) => r.kind))];
    console.log(`\n**${label}** (${rows.length} queries)\n`);
    console.log("| queries | precision@5 | ideal precision@5 | recall@5 |\n| --- | ---: | ---: | ---: |");
    for (const kind of [...kinds, "all"]) {
      const of = kind === "all" ? rows : rows.filter((r) => r.kind === kind);
      console.log(
        `| ${kind} (${of.length}) | ${fmt(mean(of, "p5"), 3)} | ${fmt(mean(of, "ideal"), 3)} | ` +
          `${fmt(mean(of, "r5"), 3)} |`,
      );
    }
  };
  report("Full text + trigram (no vectors)", await quality(false));
  if (vectors.available) report("Full text + trigram + vectors", await quality(true));
  else console.log(`\nVectors unavailable: ${vectors.reason} Only the text-only figure is measured.`);

  // 2. Latency on a larger graph in the same org.
  const t0 = performance.now();
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]`;
  const types = `ARRAY[${TYPES.map((t) => `'${t}'`).join(",")}]`;
  const w = (_n: number) => `(${words})[1 + floor(random() * ${WORDS.length})::int]`;
  await db.$executeRawUnsafe(`SELECT setseed(0.15)`);
  await db.$executeRawUnsafe(`
    INSERT INTO "KnowledgeEntity" (id, "orgId", "scopeKey", name, "nameKey", type, aliases, summary, "createdKind",
      "searchText", "updatedAt")
    SELECT 'bench-' || i, '${orgId}', 'org', name, lower(name), type, ARRAY[]::text[], summary, 'IMPORT',
      name || ' ' || type || ' ' || summary, now()
    FROM (
      SELECT i, initcap(${w(1)}) || ' ' || initcap(${w(2)}) || ' ' || i AS name,
        (${types})[1 + floor(random() * ${TYPES.length})::int] AS type,
        'About ' || ${w(3)} || ' and ' || ${w(4)} AS summary
      FROM generate_series(1, ${ENTITIES}) AS i
    ) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "KnowledgeObservation" (id, "orgId", "entityId", text, confidence, source, "createdAt")
    SELECT 'bench-' || i || '-' || n, '${orgId}', 'bench-' || i,
      'The ' || ${w(5)} || ' of this account depends on ' || ${w(6)} || ' and the ' || ${w(7)} || ' review in week '
        || (1 + floor(random() * 52)::int) || '.',
      round((0.5 + random() / 2)::numeric, 2)::float8, 'IMPORT', now()
    FROM generate_series(1, ${ENTITIES}) AS i, generate_series(1, 4) AS n`);
  await db.$executeRawUnsafe(`
    INSERT INTO "KnowledgeRelation" (id, "orgId", "fromId", "toId", type, source)
    SELECT DISTINCT ON (f, t) 'bench-r-' || f || '-' || t, '${orgId}', 'bench-' || f, 'bench-' || t,
      'related_to', 'IMPORT'
    FROM (
      SELECT i AS f, 1 + floor(random() * ${ENTITIES})::int AS t
      FROM generate_series(1, ${ENTITIES}) i, generate_series(1, 2)
    ) r WHERE f <> t`);
  await db.$executeRawUnsafe(`ANALYZE "KnowledgeEntity"; `);
  await db.$executeRawUnsafe(`ANALYZE "KnowledgeObservation"`);
  await db.$executeRawUnsafe(`ANALYZE "KnowledgeRelation"`);
  const loadMs = performance.now() - t0;

  const queries = [
    ...fixture.FIXTURE_QUERIES.map((q) => q.query),
    "invoice renewal",
    "securty audit",
    "Payroll Budget 42",
  ];
  const timed = async (run: (i: number) => Promise<unknown>, n: number) => {
    const latencies: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await run(i);
      latencies.push(performance.now() - t);
    }
    return summarize(latencies);
  };
  const n = queries.length * ROUNDS;
  const search = await timed(
    (i) => searchKnowledge({ orgId, actor, query: queries[i % queries.length]!, limit: 10 }),
    n,
  );
  const walk2 = await timed(
    (i) => neighbourhood({ orgId, actor, entityId: `bench-${1 + ((i * 37) % ENTITIES)}`, depth: 2 }),
    n,
  );
  const walk3 = await timed(
    (i) => neighbourhood({ orgId, actor, entityId: `bench-${1 + ((i * 53) % ENTITIES)}`, depth: 3 }),
    n,
  );
  const memory = await timed(
    (i) => relevantObservations(orgId, null, `Draft the ${queries[i % queries.length]} note for the customer`, 5),
    n,
  );
  const observations = await db.knowledgeObservation.count({ where: { orgId } });
  const relations = await db.knowledgeRelation.count({ where: { orgId } });
  console.log(
    `\n**Latency** on ${ENTITIES.toLocaleString("en-US")} generated entities + the fixture ` +
      `(${observations.toLocaleString("en-US")} observations, ${relations.toLocaleString("en-US")} relations; ` +
      `loaded in ${fmt(loadMs / 1000)} s), ${n} calls each, one at a time\n`,
  );
  console.log("| call | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: |");
  for (const [label, s] of [
    ["searchKnowledge (hybrid, 10 results)", search],
    ["neighbourhood depth 2", walk2],
    ["neighbourhood depth 3", walk3],
    ["relevantObservations (5 facts)", memory],
  ] as const)
    console.log(`| ${label} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} |`);

  await db.$disconnect();
  await database.done();
}

await main();
