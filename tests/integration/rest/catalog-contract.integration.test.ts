import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unique } from "../../support/factories";
import { fakeCard, startFakeAgent, type FakeAgent } from "../../support/agent-card-server";
import { publish, sellerWithListing } from "../../support/registry-factories";
import { emptyBucket, freshIp, ipBucket, useApiV1 } from "./rest-support";

/** The public catalog's real answers, success and refusal, each checked against /api/v1/openapi.json. */
const api = useApiV1();
const marker = `oa${unique()}`;
let agent: FakeAgent;
let slug: string;

type Page = { agents: { slug: string }[]; nextCursor: string | null };

beforeAll(async () => {
  agent = await startFakeAgent();
  for (const price of [20, 30]) {
    agent.card = fakeCard(agent.endpointUrl, { description: `Checks contracts. ${marker}` });
    const seller = await sellerWithListing(agent, { pricePerTask: price });
    await publish(seller, seller.agentId);
    slug ??= seller.slug;
  }
});
afterAll(() => agent?.close());

describe("GET /api/v1/agents", () => {
  it("answers pages the document describes, with the cursor leading on", async () => {
    const first = (await api.contract.check(await api.call(`/api/v1/agents?q=${marker}&limit=1`))) as Page;
    expect(first.agents).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = `/api/v1/agents?q=${marker}&limit=1&cursor=${first.nextCursor}`;
    const second = (await api.contract.check(await api.call(next))) as Page;
    expect(second.agents[0]!.slug).not.toBe(first.agents[0]!.slug);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses bad parameters with a documented 400 carrying the rate-limit headers", async () => {
    for (const query of ["minPrice=abc", "streaming=maybe", "limit=51", "sort=relevance", "cursor=%7B%7D"]) {
      const response = await api.call(`/api/v1/agents?${query}`);
      expect(response.status, query).toBe(400);
      expect(await api.contract.check(response), query).toMatchObject({ error: { code: "invalid_input" } });
    }
  });

  it("answers an empty bucket with a documented 429 and Retry-After", async () => {
    const ip = freshIp();
    await emptyBucket(ipBucket("catalog", ip));
    const response = await api.call("/api/v1/agents", { ip });
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await api.contract.check(response)).toMatchObject({ error: { code: "rate_limited" } });
  });
});

describe("GET /api/v1/agents/{slug}", () => {
  it("answers a published listing as the document describes it", async () => {
    const body = (await api.contract.check(await api.call(`/api/v1/agents/${slug}`))) as { agent: object };
    expect(body.agent).toMatchObject({ slug, seller: { name: "Seller Co" }, health: { flagged: false } });
    expect(body.agent).not.toHaveProperty("id");
  });

  it("answers unknown and impossible addresses with a documented 404 agent_not_found", async () => {
    for (const path of [`no-such-${unique()}`, "%00", "a%20b", "x".repeat(300)]) {
      const response = await api.call(`/api/v1/agents/${path}`);
      expect(response.status, path).toBe(404);
      expect(await api.contract.check(response)).toMatchObject({ error: { code: "agent_not_found" } });
    }
  });

  it("shares the catalog's bucket: a dry one is a documented 429 here too", async () => {
    const ip = freshIp();
    await emptyBucket(ipBucket("catalog", ip));
    const response = await api.call(`/api/v1/agents/${slug}`, { ip });
    expect(response.status).toBe(429);
    await api.contract.check(response);
  });
});
