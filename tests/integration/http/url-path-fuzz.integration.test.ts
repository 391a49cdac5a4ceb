import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import AgentPage, { generateMetadata as agentMetadata } from "@/app/(public)/agents/[slug]/page";
import ListingPage from "@/app/(app)/sell/agents/[id]/page";
import TaskPage from "@/app/(app)/tasks/[id]/page";
import { GET as agentCardRoute } from "@/app/api/a2a/agents/[slug]/.well-known/agent-card.json/route";
import { GET as demoAgentCardRoute } from "@/app/api/demo-agents/[slug]/.well-known/agent-card.json/route";
import { GET as taskEventsRoute } from "@/app/api/events/tasks/[taskId]/route";
import { GET as v1AgentRoute } from "@/app/api/v1/agents/[slug]/route";
import InvitationPage from "@/app/invite/[id]/page";
import { db } from "@/server/db";
import { zId, zSlug } from "@/server/schemas/primitives";
import { ownerWithOrg, signInHeaders } from "../../support/factories";

// The invitation page reads the session from the request; outside Next there is no request scope.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

/**
 * Odd bytes in URL paths: every dynamic route answers 4xx (404 for a segment
 * no id or slug can be), never a 5xx; every dynamic page calls notFound()
 * for such a segment and renders otherwise. Segments are handed over as the
 * route's params, exactly as Next.js passes them after decoding, plus the
 * raw forms Next would refuse to decode.
 */
const segment = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "\0",
      "%00",
      "a%00b",
      "slug\0",
      "\uD800",
      "a\uDC00b",
      "%ED%A0%80",
      "%",
      "%zz",
      "..",
      "%2e%2e",
      "a/b",
      "",
      " ",
      "x".repeat(10_000),
      "northwind-data-analyst",
      "__proto__",
      '{"not":null}',
    ),
  },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.uuid().map(String),
  fc.stringMatching(/^[a-z0-9-]{1,30}$/),
);

const RUNS = { seed: 8_082_026, numRuns: 120 };
const params = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value }) as never });
const request = (path: string, headers?: HeadersInit) => new Request(`http://localhost${path}`, { headers });
/** A query-string value for any string (lone surrogates have no UTF-8: sent as the bytes of one). */
const queryValue = (value: string) => (value.isWellFormed() ? encodeURIComponent(value) : "%ED%A0%80");

const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";
/** "notFound" when the page called notFound(), "rendered" when it returned; anything else fails. */
async function pageOutcome(render: () => Promise<unknown>): Promise<"notFound" | "rendered"> {
  try {
    await render();
    return "rendered";
  } catch (error) {
    if ((error as { digest?: string }).digest === NOT_FOUND_DIGEST) return "notFound";
    throw error;
  }
}

let cookie: string;
let orgId: string;
beforeAll(async () => {
  const { user, org } = await ownerWithOrg();
  cookie = (await signInHeaders(user.email)).get("cookie")!;
  orgId = org.id;
});

describe("URL path fuzz: route handlers", () => {
  it("/api/v1/agents/[slug] answers 404 for impossible slugs and never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(segment, async (slug) => {
        // Direct calls share one client bucket of the catalog's 60/min.
        await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "catalog:" } } });
        const response = await v1AgentRoute(request("/api/v1/agents/x"), params("slug", slug));
        expect(response.status).toBeLessThan(500);
        if (!zSlug.safeParse(slug).success) expect(response.status).toBe(404);
        if (response.status === 404)
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe("agent_not_found");
      }),
      RUNS,
    );
  });

  it("/api/events/tasks/[taskId] answers 4xx for odd task ids, org ids and event ids", async () => {
    const cases = fc.record({ taskId: segment, org: fc.oneof(fc.constant(orgId), segment), after: segment });
    await fc.assert(
      fc.asyncProperty(cases, async ({ taskId, org, after }) => {
        const response = await taskEventsRoute(
          request(`/api/events/tasks/x?orgId=${queryValue(org)}&after=${queryValue(after)}`, { cookie }),
          params("taskId", taskId),
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        await response.body?.cancel();
      }),
      RUNS,
    );
  });

  it("the A2A and demo agents' card routes answer 404, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(segment, async (slug) => {
        for (const route of [agentCardRoute, demoAgentCardRoute]) {
          const response = await route(request("/x/.well-known/agent-card.json"), params("slug", slug));
          expect(response.status).toBeLessThan(500);
          if (!zSlug.safeParse(slug).success) expect(response.status).toBe(404);
        }
      }),
      RUNS,
    );
  });
});

describe("URL path fuzz: pages", () => {
  it("agents/[slug] calls notFound() exactly for impossible slugs, page and metadata alike", async () => {
    await fc.assert(
      fc.asyncProperty(segment, async (slug) => {
        const expected = zSlug.safeParse(slug).success ? "rendered" : "notFound";
        // The page is rendered on the server from the listing, so a possible slug no listing has is a 404 too.
        const published =
          expected === "rendered" && (await db.agent.count({ where: { slug, status: "PUBLISHED" } })) > 0;
        expect(await pageOutcome(() => AgentPage(params("slug", slug)))).toBe(published ? "rendered" : "notFound");
        expect(await pageOutcome(() => agentMetadata(params("slug", slug)))).toBe(expected);
      }),
      RUNS,
    );
  });

  it("tasks/[id], sell/agents/[id] and invite/[id] call notFound() exactly for impossible ids", async () => {
    await fc.assert(
      fc.asyncProperty(segment, async (id) => {
        const expected = zId.safeParse(id).success ? "rendered" : "notFound";
        expect(await pageOutcome(() => TaskPage(params("id", id)))).toBe(expected);
        expect(await pageOutcome(() => ListingPage(params("id", id)))).toBe(expected);
        expect(await pageOutcome(() => InvitationPage(params("id", id)))).toBe(expected);
      }),
      RUNS,
    );
  });
});
