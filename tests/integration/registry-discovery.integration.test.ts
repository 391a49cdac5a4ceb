import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAgentRoute } from "@/app/api/v1/agents/[slug]/route";
import { GET as listAgentsRoute } from "@/app/api/v1/agents/route";
import { db } from "@/server/db";
import { clientIpHeader } from "@/server/net/client-address";
import { probeAgent } from "@/server/services/registry/probe-agent";
import { searchCatalog } from "@/server/services/registry/search-catalog";
import { takeToken } from "@/server/services/rate-limit/take-token";
import { ownerWithOrg, unique } from "../support/factories";
import { fakeCard, startFakeAgent, type FakeAgent } from "../support/agent-card-server";
import { publish, sellerWithListing } from "../support/registry-factories";

let agent: FakeAgent;
let seller: Awaited<ReturnType<typeof sellerWithListing>>;
let buyer: Awaited<ReturnType<typeof ownerWithOrg>>;
/** A word only this file's listings contain, so other tests' data never interferes. */
const marker = `zq${unique()}`;

beforeAll(async () => {
  agent = await startFakeAgent();
  agent.card = fakeCard(agent.endpointUrl, {
    description: `Translates contracts between English and Spanish. ${marker}`,
  });
  seller = await sellerWithListing(agent, { pricePerTask: 40 });
  await publish(seller, seller.agentId);
  // Two more published listings and a draft, differing in price and capabilities.
  for (const [price, streaming, name] of [
    [15, false, "Ledger Reconciler"],
    [90, true, "Contract Redliner"],
  ] as const) {
    const card = fakeCard(agent.endpointUrl, {
      name: `${name} ${unique()}`,
      description: `Works on finance and legal paperwork. ${marker}`,
      capabilities: { streaming },
      skills: [
        {
          id: "main",
          name,
          description: `${name} for busy teams.`,
          tags: [name.split(" ")[0]!.toLowerCase()],
          examples: [`Please ${name.toLowerCase()} this file`],
        },
      ],
    });
    const created = await seller.caller.sell.create({
      orgId: seller.org.id,
      source: { kind: "json", text: JSON.stringify(card) },
      pricePerTask: price,
      categories: ["finance"],
    });
    if (!created.ok) throw new Error(created.errors.join(" "));
    await publish(seller, created.agentId);
  }
  await seller.caller.sell.create({
    orgId: seller.org.id,
    source: {
      kind: "json",
      text: JSON.stringify(fakeCard(agent.endpointUrl, { description: `Unreviewed. ${marker}` })),
    },
    pricePerTask: 5,
    categories: ["translation"],
  });
  buyer = await ownerWithOrg("Buyer");
});
afterAll(() => agent.close());

describe("catalog search", () => {
  it("finds a published agent by a misspelled name, ranked first, and never a draft", async () => {
    const name = (agent.card as { name: string }).name;
    const page = await buyer.caller.agents.search({ q: "quilfeather translater" });
    expect(page.sort).toBe("relevance");
    expect(page.items[0]?.name).toBe(name);
    const all = await buyer.caller.agents.search({ q: marker, limit: 50 });
    expect(all.items).toHaveLength(3);
    expect(all.items.every((i) => i.health === "HEALTHY")).toBe(true);
  });

  it("matches skills and prefixes, and filters by price, capability, streaming, category and modes", async () => {
    expect((await buyer.caller.agents.search({ q: `${marker} redlin` })).items.map((i) => i.skillNames[0])).toEqual([
      "Contract Redliner",
    ]);
    const names = async (filters: Parameters<typeof buyer.caller.agents.search>[0]) =>
      (await buyer.caller.agents.search({ q: marker, ...filters })).items
        .map((i) => i.pricePerTask)
        .sort((a, b) => a - b);
    expect(await names({ minPrice: 20, maxPrice: 100 })).toEqual([40, 90]);
    expect(await names({ streaming: false })).toEqual([15]);
    expect(await names({ category: "finance" })).toEqual([15, 90]);
    expect(await names({ capability: "terminology" })).toEqual([40]);
    expect(await names({ inputMode: "text/plain", outputMode: "text/plain" })).toEqual([15, 40, 90]);
    expect(await names({ inputMode: "image/png" })).toEqual([]);
    await expect(buyer.caller.agents.search({ minPrice: 50, maxPrice: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("sorts by price and rating and pages with a cursor without repeats", async () => {
    await db.agent.updateMany({
      where: { orgId: seller.org.id, pricePerTask: 90 },
      data: { ratingAvg: 4.8, ratingCount: 12 },
    });
    await db.agent.updateMany({
      where: { orgId: seller.org.id, pricePerTask: 15 },
      data: { ratingAvg: 3.1, ratingCount: 4 },
    });
    const byPrice = await buyer.caller.agents.search({ q: marker, sort: "price_asc" });
    expect(byPrice.items.map((i) => i.pricePerTask)).toEqual([15, 40, 90]);
    const byRating = await buyer.caller.agents.search({ q: marker, sort: "rating" });
    expect(byRating.items.map((i) => i.pricePerTask)).toEqual([90, 15, 40]);
    expect((await buyer.caller.agents.search({ q: marker, minRating: 4 })).items.map((i) => i.pricePerTask)).toEqual([
      90,
    ]);

    const seen: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await buyer.caller.agents.search({ q: marker, sort: "price_desc", limit: 1, cursor });
      seen.push(...page.items.map((x) => x.pricePerTask));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([90, 40, 15]);
    await expect(buyer.caller.agents.search({ q: marker, sort: "price_asc", cursor })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("describe what you need", () => {
  it("ranks by skill match and says which skill and words matched", async () => {
    const result = await buyer.caller.agents.describeNeed({
      need: `I need someone to redline a supplier contract ${marker}`,
      limit: 20,
    });
    const mine = result.matches.filter((m) => m.listing.description.includes(marker));
    expect(mine[0]?.listing.skillNames).toEqual(["Contract Redliner"]);
    expect(mine[0]?.reason).toMatchObject({
      skill: "Contract Redliner",
      matchedTerms: expect.arrayContaining(["redline", "contract"]),
    });
    expect(mine[0]?.reason.example).toBe("Please contract redliner this file");
    expect((await buyer.caller.agents.describeNeed({ need: "the and of" })).matches).toEqual([]);
  });
});

describe("health", () => {
  it("flags a listing after three failed probes and clears the flag on success", async () => {
    agent.endpoint = "error500";
    for (let i = 0; i < 3; i++) expect((await probeAgent({ agentId: seller.agentId })).ok).toBe(false);
    let page = await buyer.caller.agents.get({ slug: seller.slug });
    expect(page).toMatchObject({ health: "FAILING", healthFlagged: true, healthFailures: 3 });
    agent.endpoint = "not-json";
    expect(await probeAgent({ agentId: seller.agentId })).toMatchObject({
      ok: false,
      error: "The endpoint answered HTTP 200 without a JSON-RPC reply.",
    });
    agent.endpoint = "ok";
    expect((await probeAgent({ agentId: seller.agentId })).ok).toBe(true);
    page = await buyer.caller.agents.get({ slug: seller.slug });
    expect(page).toMatchObject({ health: "HEALTHY", healthFlagged: false, healthFailures: 0 });
    expect(await db.agentHealthCheck.count({ where: { agentId: seller.agentId } })).toBe(6);
  });
});

describe("public catalog API", () => {
  const get = (path: string, ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) =>
    // The client IP as the request hook stamps it from the socket (server/net/client-address.ts).
    new Request(`http://localhost${path}`, { headers: { [clientIpHeader()]: ip } });

  it("lists and shows published listings as JSON, with gateway URLs", async () => {
    const list = await listAgentsRoute(get(`/api/v1/agents?q=${marker}&sort=price_asc&limit=2`), undefined);
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.agents.map((a: { pricePerTask: number }) => a.pricePerTask)).toEqual([15, 40]);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(body.agents[1]).toMatchObject({
      slug: seller.slug,
      capabilities: { streaming: true },
      gateway: { jsonRpc: expect.stringContaining(`/api/a2a/agents/${seller.slug}`) },
    });
    const next = await (
      await listAgentsRoute(
        get(`/api/v1/agents?q=${marker}&sort=price_asc&limit=2&cursor=${body.nextCursor}`),
        undefined,
      )
    ).json();
    expect(next.agents.map((a: { pricePerTask: number }) => a.pricePerTask)).toEqual([90]);

    const one = await getAgentRoute(get(`/api/v1/agents/${seller.slug}`), {
      params: Promise.resolve({ slug: seller.slug }),
    });
    expect(one.status).toBe(200);
    const detail = await one.json();
    expect(detail.agent).toMatchObject({
      slug: seller.slug,
      skills: [expect.objectContaining({ skillId: "translate" }), expect.anything()],
      card: expect.objectContaining({ version: "1.0.0" }),
    });
    expect(detail.agent.id).toBeUndefined();
  });

  it("answers 404 for drafts and unknown slugs, 400 for bad parameters", async () => {
    const draft = await db.agent.findFirstOrThrow({ where: { orgId: seller.org.id, status: "DRAFT" } });
    expect(
      (await getAgentRoute(get(`/api/v1/agents/${draft.slug}`), { params: Promise.resolve({ slug: draft.slug }) }))
        .status,
    ).toBe(404);
    const bad = await listAgentsRoute(get("/api/v1/agents?minPrice=abc&streaming=maybe"), undefined);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid_input", message: expect.stringContaining("minPrice") },
    });
  });

  it("rate limits per client IP with 429 and Retry-After", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const started = Date.now();
    let allowed = 0;
    let last: Response | null = null;
    // 60 a minute, refilling one a second: the bucket runs dry after 60 plus the seconds the loop took.
    for (let i = 0; i < 120; i++) {
      last = await listAgentsRoute(get(`/api/v1/agents?q=${marker}`, ip), undefined);
      if (last.status !== 200) break;
      allowed++;
    }
    expect(last?.status).toBe(429);
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(61 + Math.ceil((Date.now() - started) / 1000));
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await last?.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await listAgentsRoute(get(`/api/v1/agents?q=${marker}`), undefined)).status).toBe(200);
  }, 60_000);

  it("refills buckets over time", async () => {
    const key = `test:${unique()}`;
    expect((await takeToken({ key, limit: 2, windowSeconds: 1 })).allowed).toBe(true);
    expect((await takeToken({ key, limit: 2, windowSeconds: 1 })).allowed).toBe(true);
    const denied = await takeToken({ key, limit: 2, windowSeconds: 1 });
    expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    await new Promise((r) => setTimeout(r, 600));
    expect((await takeToken({ key, limit: 2, windowSeconds: 1 })).allowed).toBe(true);
  });
});

describe("typo-tolerant search", () => {
  /** Only this block's listings carry it, so look-alike listings elsewhere never interfere. */
  const typoMarker = `zt${unique()}`;
  let northwind: string;
  let review: string;

  beforeAll(async () => {
    const list = async (name: string, skill: string) => {
      const card = fakeCard(agent.endpointUrl, {
        name: `${name} ${unique()}`,
        description: `Helps legal and finance teams. ${typoMarker}`,
        skills: [{ id: "main", name: skill, description: `${skill} for busy teams.`, tags: ["legal"], examples: [] }],
      });
      const created = await seller.caller.sell.create({
        orgId: seller.org.id,
        source: { kind: "json", text: JSON.stringify(card) },
        pricePerTask: 25,
        categories: ["legal-compliance"],
      });
      if (!created.ok) throw new Error(created.errors.join(" "));
      await publish(seller, created.agentId);
      return created.slug;
    };
    northwind = await list("Northwind Ledger Desk", "Reconciler of ledgers");
    review = await list("Contract Review Desk", "Review contracts");
  });

  const slugs = async (q: string, limit = 50) => (await searchCatalog({ q, limit })).items.map((i) => i.slug);

  it("finds a listing when one word of several has a typo, as the last word or not", async () => {
    expect(await slugs(`${typoMarker} contract reveiw`)).toEqual([review]);
    expect(await slugs(`${typoMarker} reveiw contract`)).toEqual([review]);
    expect(await slugs("contract reveiw")).toContain(review);
  });

  it("finds a listing from an unfinished word with a typo (a prefix)", async () => {
    expect(await slugs(`${typoMarker} onrthwin`)).toEqual([northwind]);
    expect(await slugs("onrthwin")).toContain(northwind);
  });

  it("allows two typos in a word of nine letters or more, and none in a short word", async () => {
    // "recnocilr": a swap and a missing letter in "reconciler".
    expect(await slugs(`${typoMarker} recnocilr`)).toEqual([northwind]);
    // Two typos in a six-letter word are beyond its budget of one.
    expect(await slugs(`${typoMarker} lgdere`)).toEqual([]);
    // Four letters get no typo at all: "dsek" is not "desk".
    expect(await slugs(`${typoMarker} dsek`)).toEqual([]);
  });

  it("corrects words of a listing published after the first search, in the same process", async () => {
    expect(await slugs(`${typoMarker} contract`)).toHaveLength(1);
    const late = `${unique().replace(/[^a-z]/g, "")}verifier`;
    const card = fakeCard(agent.endpointUrl, {
      name: `Clause ${late}`,
      description: `Checks clauses. ${typoMarker}`,
    });
    const created = await seller.caller.sell.create({
      orgId: seller.org.id,
      source: { kind: "json", text: JSON.stringify(card) },
      pricePerTask: 25,
      categories: ["legal-compliance"],
    });
    if (!created.ok) throw new Error(created.errors.join(" "));
    await publish(seller, created.agentId);
    // One letter replaced near the end: "…verifier" -> "…verifiar".
    expect(await slugs(`${typoMarker} ${late.slice(0, -2)}ar`)).toEqual([created.slug]);
  });
});

describe("category counts", () => {
  const counts = async (query: Parameters<typeof searchCatalog>[0]) =>
    Object.fromEntries(
      ((await searchCatalog(query, { facets: true })).facets ?? [])
        .filter((c) => c.count > 0)
        .map((c) => [c.slug, c.count]),
    );

  it("follow the search and the other filters, but not the category itself", async () => {
    expect(await counts({ q: marker })).toEqual({ finance: 2, translation: 1 });
    expect(await counts({ q: marker, minPrice: 20 })).toEqual({ finance: 1, translation: 1 });
    expect(await counts({ q: marker, streaming: false })).toEqual({ finance: 1 });
    // Choosing a category narrows the results, while the chips still show every category's count.
    const page = await searchCatalog({ q: marker, category: "finance" }, { facets: true });
    expect(page.items).toHaveLength(2);
    expect(page.facets?.find((c) => c.slug === "translation")?.count).toBe(1);
  });
});
