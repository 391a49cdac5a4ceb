/**
 * Catalog search and "describe what you need" on 100,000 published listings
 * (about 200,000 skills) in real Postgres: latency percentiles of the
 * service calls the marketplace page and /api/v1/agents make.
 */
import type { Db } from "../server/db";
import { benchDatabase, fmt, load, summarize } from "./support";
import { CATEGORY_POOL, DOMAINS, NEEDS, PREFIXES, ROLES, SEARCHES, VERBS } from "./catalog-data";

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);

export async function generateCatalog(db: Db, orgId: string) {
  const arr = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;
  const pick = (name: string, size: number) => `(${name})[1 + floor(random() * ${size})::int]`;
  await db.$executeRawUnsafe(`SELECT setseed(0.42)`);
  // One row of random choices per listing, reused for the agent and its skills.
  await db.$executeRawUnsafe(`
    CREATE TEMP TABLE gen AS
    SELECT i, ${pick(arr(PREFIXES), PREFIXES.length)} AS prefix, ${pick(arr(ROLES), ROLES.length)} AS role,
      ${pick(arr(DOMAINS), DOMAINS.length)} AS d1, ${pick(arr(DOMAINS), DOMAINS.length)} AS d2, ${pick(arr(DOMAINS), DOMAINS.length)} AS d3,
      ${pick(arr(VERBS), VERBS.length)} AS v1, ${pick(arr(VERBS), VERBS.length)} AS v2,
      ${pick(arr(CATEGORY_POOL), CATEGORY_POOL.length)} AS c1,
      1 + floor(random() * 3)::int AS skills, 5 + floor(random() * 300)::int AS price,
      floor(random() * random() * 20000)::int AS tasks, CASE WHEN random() < 0.7 THEN round((2.5 + random() * 2.5)::numeric, 2)::float8 END AS rating,
      random() < 0.4 AS streaming
    FROM generate_series(1, ${LISTINGS}) AS i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Agent" (id, "orgId", slug, name, description, "endpointUrl", "pricePerTask", status, categories, tags,
      provider, streaming, "inputModes", "outputModes", "ratingAvg", "ratingCount", "taskCount", health, "publishedAt",
      "skillText", "searchText", "updatedAt")
    SELECT 'bench-' || i, '${orgId}', 'bench-' || i, prefix || ' ' || initcap(d1) || ' ' || role,
      'Helps teams with ' || d1 || ' work: ' || v1 || ' ' || d2 || ' and ' || d3 || ' material quickly and consistently.',
      'https://agents.example.com/' || i || '/rpc', price, 'PUBLISHED', ARRAY[c1], ARRAY[d1, d2],
      prefix || ' Labs', streaming, ARRAY['text/plain'], ARRAY['text/plain', 'application/json'],
      rating, CASE WHEN rating IS NULL THEN 0 ELSE 1 + tasks / 50 END, tasks, 'HEALTHY', now() - (i || ' minutes')::interval,
      initcap(v1) || ' ' || d1 || ' ' || v1 || 's ' || d1 || ' documents ' || d1 || ' ' || v1 || ' Please ' || v1 || ' this ' || d1 || ' for our team'
        || CASE WHEN skills > 1 THEN ' ' || initcap(v2) || ' ' || d2 || ' ' || v2 || 's ' || d2 || ' records' ELSE '' END,
      prefix || ' ' || initcap(d1) || ' ' || role || ' ' || initcap(v1) || ' ' || d1 || CASE WHEN skills > 1 THEN ' ' || initcap(v2) || ' ' || d2 ELSE '' END || ' ' || d1 || ' ' || d2,
      now()
    FROM gen`);
  await db.$executeRawUnsafe(`
    INSERT INTO "AgentSkill" (id, "agentId", "skillId", position, name, description, tags, examples, "inputModes", "outputModes")
    SELECT 'bench-' || i || '-' || n, 'bench-' || i, 'skill-' || n, n,
      initcap(v) || ' ' || d, initcap(v) || 's ' || d || ' documents and records and reports the findings.',
      ARRAY[d, v], ARRAY['Please ' || v || ' this ' || d || ' for our team', initcap(v) || ' the attached ' || d || ' file'],
      ARRAY['text/plain'], ARRAY['text/plain']
    FROM gen, LATERAL (VALUES (1, v1, d1), (2, v2, d2), (3, v1, d3)) AS s(n, v, d)
    WHERE n <= skills`);
  // The registry services add words to the typo dictionary; generated rows bypass them.
  await db.$executeRawUnsafe(`
    INSERT INTO "SearchWord" (word)
    SELECT DISTINCT w FROM "Agent" a, regexp_split_to_table(lower(a."searchText" || ' ' || a."skillText" || ' ' || a.description), '[^[:alnum:]]+') AS w
    WHERE a.id LIKE 'bench-%' AND length(w) BETWEEN 3 AND 40 ON CONFLICT DO NOTHING`);
  // As autovacuum would after a bulk load: merge GIN pending lists, refresh statistics.
  for (const table of ["Agent", "AgentSkill", "SearchWord"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
}

export async function runCatalogBench(): Promise<string> {
  const database = await benchDatabase("catalog");
  const { db } = await import("../server/db");
  const { searchCatalog } = await import("../server/services/registry/search-catalog");
  const { describeNeed } = await import("../server/services/registry/describe-need");
  const { GET: listRoute } = await import("../app/api/v1/agents/route");
  const { clientIpHeader } = await import("../server/net/client-address");
  const rows: string[] = [];
  try {
    const org = await db.organization.create({
      data: { id: crypto.randomUUID(), name: "Bench Sellers", slug: `bench-${process.pid}` },
    });
    const t0 = performance.now();
    await generateCatalog(db, org.id);
    const listings = await db.agent.count({ where: { status: "PUBLISHED" } });
    const skills = await db.agentSkill.count();
    const genSeconds = (performance.now() - t0) / 1000;

    // Warm caches and plans, then measure.
    await load(SEARCHES.length, 1, (i) => searchCatalog(SEARCHES[i]!));
    await load(NEEDS.length, 1, (i) => describeNeed({ need: NEEDS[i]! }));
    const measure = async (
      label: string,
      total: number,
      concurrency: number,
      once: (i: number) => Promise<unknown>,
    ) => {
      const { latencies, wallMs } = await load(total, concurrency, once);
      const s = summarize(latencies);
      rows.push(
        `| ${label} | ${concurrency} | ${total} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt((total / wallMs) * 1000, 0)} |`,
      );
    };
    const searchTotal = SEARCHES.length * ROUNDS;
    await measure("search (mixed queries, typos, filters)", searchTotal, 1, (i) =>
      searchCatalog(SEARCHES[i % SEARCHES.length]!),
    );
    await measure("search (mixed queries, typos, filters)", searchTotal, 8, (i) =>
      searchCatalog(SEARCHES[i % SEARCHES.length]!),
    );
    await measure("search, page 5 via cursor", 50, 1, async (i) => {
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++)
        cursor = (await searchCatalog({ q: DOMAINS[i % DOMAINS.length], cursor })).nextCursor ?? undefined;
    });
    await measure("GET /api/v1/agents (route, incl. rate limit)", searchTotal, 1, async (i) => {
      const q = SEARCHES[i % SEARCHES.length]!.q ?? "";
      return listRoute(
        new Request(`http://bench/api/v1/agents?q=${encodeURIComponent(q)}`, {
          headers: { [clientIpHeader()]: `198.51.100.${i % 250}` },
        }),
        undefined,
      );
    });
    await measure("describe what you need", NEEDS.length * ROUNDS, 1, (i) =>
      describeNeed({ need: NEEDS[i % NEEDS.length]! }),
    );
    await measure("describe what you need", NEEDS.length * ROUNDS, 8, (i) =>
      describeNeed({ need: NEEDS[i % NEEDS.length]! }),
    );
    rows.unshift(
      `Catalog: ${listings.toLocaleString("en-US")} published listings, ${skills.toLocaleString("en-US")} skills (generated in ${fmt(genSeconds, 0)} s).\n`,
    );
  } finally {
    await db.$disconnect();
    await database.done();
  }
  const [intro, ...table] = rows;
  return [
    intro,
    "| operation | concurrency | calls | p50 ms | p95 ms | p99 ms | calls/s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...table,
  ].join("\n");
}

if (import.meta.filename === process.argv[1]) {
  console.log(await runCatalogBench());
  process.exit(0);
}
