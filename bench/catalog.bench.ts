/**
 * Catalog search and "describe what you need" on 100,000 published listings
 * (about 200,000 skills) in real Postgres: latency percentiles of the
 * service calls the marketplace page and /api/v1/agents make.
 */
import type { Db } from "../server/db";
import { benchDatabase, fmt, load, summarize } from "./support";
import { CATEGORY_POOL, DOMAINS, NEEDS, PREFIXES, ROLES, SEARCHES, TYPO_SEARCHES, VERBS } from "./catalog-data";

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
      ${pick(arr(DOMAINS), DOMAINS.length)} AS d1, ${pick(arr(DOMAINS), DOMAINS.length)} AS d2,
      ${pick(arr(DOMAINS), DOMAINS.length)} AS d3,
      ${pick(arr(VERBS), VERBS.length)} AS v1, ${pick(arr(VERBS), VERBS.length)} AS v2,
      ${pick(arr(CATEGORY_POOL), CATEGORY_POOL.length)} AS c1,
      1 + floor(random() * 3)::int AS skills, 5 + floor(random() * 300)::int AS price,
      floor(random() * random() * 20000)::int AS tasks,
      CASE WHEN random() < 0.7 THEN round((2.5 + random() * 2.5)::numeric, 2)::float8 END AS rating,
      random() < 0.4 AS streaming
    FROM generate_series(1, ${LISTINGS}) AS i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Agent" (id, "orgId", slug, name, description, "endpointUrl", "pricePerTask", status, categories, tags,
      provider, streaming, "inputModes", "outputModes", "ratingAvg", "ratingCount", "taskCount", health, "publishedAt",
      "skillText", "searchText", "updatedAt")
    SELECT 'bench-' || i, '${orgId}', 'bench-' || i, prefix || ' ' || initcap(d1) || ' ' || role,
      'Helps teams with ' || d1 || ' work: ' || v1 || ' ' || d2 || ' and ' || d3
        || ' material quickly and consistently.',
      'https://agents.example.com/' || i || '/rpc', price, 'PUBLISHED', ARRAY[c1], ARRAY[d1, d2],
      prefix || ' Labs', streaming, ARRAY['text/plain'], ARRAY['text/plain', 'application/json'],
      rating, CASE WHEN rating IS NULL THEN 0 ELSE 1 + tasks / 50 END, tasks, 'HEALTHY',
      now() - (i || ' minutes')::interval,
      initcap(v1) || ' ' || d1 || ' ' || v1 || 's ' || d1 || ' documents ' || d1 || ' ' || v1
        || ' Please ' || v1 || ' this ' || d1 || ' for our team'
        || CASE WHEN skills > 1 THEN ' ' || initcap(v2) || ' ' || d2 || ' ' || v2 || 's ' || d2 || ' records'
          ELSE '' END,
      prefix || ' ' || initcap(d1) || ' ' || role || ' ' || initcap(v1) || ' ' || d1
        || CASE WHEN skills > 1 THEN ' ' || initcap(v2) || ' ' || d2 ELSE '' END || ' ' || d1 || ' ' || d2,
      now()
    FROM gen`);
  await db.$executeRawUnsafe(`
    INSERT INTO "AgentSkill" (id, "agentId", "skillId", position, name, description, tags, examples,
      "inputModes", "outputModes")
    SELECT 'bench-' || i || '-' || n, 'bench-' || i, 'skill-' || n, n,
      initcap(v) || ' ' || d, initcap(v) || 's ' || d || ' documents and records and reports the findings.',
      ARRAY[d, v],
      ARRAY['Please ' || v || ' this ' || d || ' for our team', initcap(v) || ' the attached ' || d || ' file'],
      ARRAY['text/plain'], ARRAY['text/plain']
    FROM gen, LATERAL (VALUES (1, v1, d1), (2, v2, d2), (3, v1, d3)) AS s(n, v, d)
    WHERE n <= skills`);
  // The registry services add words to the typo dictionary; generated rows bypass them.
  await db.$executeRawUnsafe(`
    INSERT INTO "SearchWord" (word)
    SELECT DISTINCT w FROM "Agent" a,
      regexp_split_to_table(lower(a."searchText" || ' ' || a."skillText" || ' ' || a.description), '[^[:alnum:]]+') AS w
    WHERE a.id LIKE 'bench-%' AND length(w) BETWEEN 3 AND 40 ON CONFLICT DO NOTHING`);
  // As autovacuum would after a bulk load: merge GIN pending lists, refresh statistics.
  for (const table of ["Agent", "AgentSkill", "SearchWord"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
}

export async function runCatalogBench(): Promise<string> {
  const database = await benchDatabase("catalog");
  const { db } = await import("../server/db");
  const { searchCatalog } = await import("../server/services/registry/search-catalog");
  const { describeNeed } = await import("../server/services/registry/describe-need");
  const { correctWords } = await import("../server/services/registry/search-words");
  const { typoBudget } = await import("../server/services/registry/typo-trie");
  const { forgetRecentCategoryCounts } = await import("../server/services/registry/catalog-facets");
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
        `| ${label} | ${concurrency} | ${total} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ` +
          `${fmt((total / wallMs) * 1000, 0)} |`,
      );
    };
    const searchTotal = SEARCHES.length * ROUNDS;
    await measure("search (mixed queries, typos, filters)", searchTotal, 1, (i) =>
      searchCatalog(SEARCHES[i % SEARCHES.length]!),
    );
    await measure("search (mixed queries, typos, filters)", searchTotal, 8, (i) =>
      searchCatalog(SEARCHES[i % SEARCHES.length]!),
    );
    await measure("search (typo queries only)", TYPO_SEARCHES.length * ROUNDS, 1, (i) =>
      searchCatalog(TYPO_SEARCHES[i % TYPO_SEARCHES.length]!),
    );
    // The marketplace page also counts each category's matches; counts are kept a minute per search.
    await measure("marketplace page: search + category counts, counted afresh", searchTotal, 1, (i) => {
      forgetRecentCategoryCounts();
      return searchCatalog(SEARCHES[i % SEARCHES.length]!, { facets: true });
    });
    await measure("marketplace page: search + category counts, repeated within a minute", searchTotal, 1, (i) =>
      searchCatalog(SEARCHES[i % SEARCHES.length]!, { facets: true }),
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
    rows.push(`${await typoRecall(db, correctWords, typoBudget)} ${await largeDictionary()}`);
    rows.unshift(
      `Catalog: ${listings.toLocaleString("en-US")} published listings, ${skills.toLocaleString("en-US")} skills ` +
        `(generated in ${fmt(genSeconds, 0)} s).\n`,
    );
  } finally {
    await db.$disconnect();
    await database.done();
  }
  const [intro, ...table] = rows;
  const recall = table.pop();
  return [
    intro,
    "| operation | concurrency | calls | p50 ms | p95 ms | p99 ms | calls/s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...table,
    "",
    recall,
  ].join("\n");
}

/** A deterministic pseudo-random sequence, so every run tests the same typos. */
function random(seed: number) {
  // mulberry32: integer arithmetic only, so the sequence never collapses into a short cycle.
  let x = seed | 0;
  return () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One typo of the kind engines tolerate: a swap of neighbours, a replaced, missing or extra letter. */
function typo(word: string, kind: number, next: () => number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const at = Math.floor(next() * word.length);
  const other = () => letters.replace(word[at] ?? "", "")[Math.floor(next() * 25)]!;
  if (kind === 0) {
    const i = Math.min(at, word.length - 2);
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
  if (kind === 1) return word.slice(0, at) + other() + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + other() + word.slice(at);
}

/**
 * What typo-tolerant engines promise, checked on the catalog's own words: for
 * every word of 5+ letters, one typo of each kind must still find it (as a
 * whole word, and as the last, unfinished word: its first 5+ letters with
 * the typo), and for words of 9+ letters, two typos.
 */
async function typoRecall(
  db: Db,
  correctWords: (db: Db, words: string[]) => Promise<string[][]>,
  typoBudget: (length: number) => number,
): Promise<string> {
  const words = [...new Set([...PREFIXES, ...DOMAINS, ...ROLES, ...VERBS].map((w) => w.toLowerCase()))].filter(
    (w) => w.length >= 5,
  );
  const known = new Set((await db.$queryRaw<{ word: string }[]>`SELECT word FROM "SearchWord"`).map((r) => r.word));
  const next = random(7);
  let cases = 0;
  let found = 0;
  const misses: string[] = [];
  const check = async (intended: string, typed: string, prefix: boolean, typos = 1) => {
    // Engines grant the budget by the length of what was typed (a 5-letter word missing a letter has 4).
    if (typoBudget(typed.length) < typos) return;
    // A typo that spells another catalog word (or, unfinished, begins one) is taken as typed.
    if (typed === intended || known.has(typed) || (prefix && [...known].some((w) => w.startsWith(typed)))) return;
    cases++;
    const [alternatives] = prefix
      ? await correctWords(db, [typed])
      : (await correctWords(db, [typed, "zz"])).slice(0, 1);
    const hit = (alternatives ?? []).some((a) =>
      prefix ? intended.startsWith(a) || a.startsWith(intended) : a === intended,
    );
    if (hit) found++;
    else if (misses.length < 8) misses.push(`${typed}→${intended}`);
  };
  for (const word of words) {
    for (let kind = 0; kind < 4; kind++) {
      await check(word, typo(word, kind, next), false);
      const start = word.slice(0, Math.max(5, Math.ceil(word.length * 0.7)));
      await check(start, typo(start, kind, next), true);
    }
    if (word.length >= 9)
      for (let kind = 0; kind < 4; kind++)
        await check(word, typo(typo(word, kind, next), (kind + 1) % 4, next), false, 2);
  }
  return (
    `Typo recall on the catalog's ${words.length} words of 5+ letters: ${found} of ${cases} typed variants ` +
    "(1 typo in 5+ typed letters, 2 in 9+) " +
    `corrected (${fmt((found / cases) * 100)} %)${misses.length ? `; missed e.g. ${misses.join(", ")}` : ""}.`
  );
}

/**
 * The catalog above has a few hundred distinct words; one written by people
 * has far more. The typo lookup alone, on 200,000 made-up words.
 */
async function largeDictionary(): Promise<string> {
  const { buildTypoTrie, lookupTypos, typoBudget } = await import("../server/services/registry/typo-trie");
  const next = random(11);
  const syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pra", "str", "gle", "on", "ax", "qu", "ph"];
  const words = new Set<string>();
  while (words.size < 200_000) {
    let w = "";
    for (let n = 2 + Math.floor(next() * 4); n > 0; n--) w += syllables[Math.floor(next() * syllables.length)];
    words.add(w);
  }
  const list = [...words];
  const t0 = performance.now();
  const trie = buildTypoTrie(list);
  const buildMs = performance.now() - t0;
  const bytes = trie.char.byteLength + trie.end.byteLength + trie.word.byteLength;
  const latencies: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const word = list[Math.floor(next() * list.length)]!;
    const typed = typo(word, i % 4, next);
    const t = performance.now();
    lookupTypos(trie, typed, typoBudget(typed.length), i % 2 ? "prefix" : "word");
    latencies.push(performance.now() - t);
  }
  const s = summarize(latencies);
  return (
    `On a dictionary of 200,000 made-up words ` +
    `(${fmt(bytes / 1024 / 1024)} MB of trie, built in ${fmt(buildMs, 0)} ms) ` +
    `one typo lookup takes p50 ${fmt(s.p50, 2)} ms, p95 ${fmt(s.p95, 2)} ms.`
  );
}

if (import.meta.filename === process.argv[1]) {
  console.log(await runCatalogBench());
  process.exit(0);
}
