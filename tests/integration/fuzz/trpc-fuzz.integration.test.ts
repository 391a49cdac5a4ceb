import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTRPCContext } from "@/server/trpc/init";
import { appRouter, createCaller } from "@/server/trpc/root";
import { createUser, createOrg, signInHeaders, unique } from "../../support/factories";
import { publishDemoAgent } from "../../support/task-fixtures";

/**
 * Random inputs to every procedure of the real appRouter, called as a
 * signed-in platform admin who owns an org (so every role gate opens and the
 * inputs reach the services): never INTERNAL_SERVER_ERROR, never a leaked
 * internal, always one of the documented codes.
 */

/** The codes a client may see (README, "Errors"); INTERNAL_SERVER_ERROR is a bug. */
const DOCUMENTED = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYMENT_REQUIRED",
  "TOO_MANY_REQUESTS",
  "SERVICE_UNAVAILABLE",
]);
/** What Prisma and Node put in their messages: file paths, the Prisma call, SQL, stack frames. */
const LEAK = /prisma|invocation|node_modules|\/work\/|\.tsx?:\d+|\bSELECT\b|\bINSERT\b|\bUPDATE\b.*\bSET\b|\n\s+at /i;

/** About 70 procedures x 60 runs: about 8 s here (most refusals never reach the database). */
const RUNS_PER_PROCEDURE = 60;

type Caller = ReturnType<typeof createCaller>;
let caller: Caller;
let orgId: string;
let agentSlug: string;

beforeAll(async () => {
  const user = await createUser("Fuzz Admin");
  await db.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
  orgId = (await createOrg(user.id, `Fuzz Org ${unique()}`)).id;
  // A published agent the org cannot afford: tasks.start reaches the ledger and is refused there.
  agentSlug = (await publishDemoAgent("northwind-data-analyst", 50)).agent.slug;
  caller = createCaller(await createTRPCContext({ headers: await signInHeaders(user.email) }));
});

/** Every procedure path of the app (new routers are fuzzed without touching this file). */
// At run time _def.procedures is flat: "agents.search" -> the procedure.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>,
);

/** The top-level keys an input schema knows (objects, and the options of unions). */
function keysOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return [];
  if (def.shape && typeof def.shape === "object") return Object.keys(def.shape);
  if (Array.isArray(def.options)) return def.options.flatMap(keysOf);
  if (def.innerType) return keysOf(def.innerType);
  if (def.in) return keysOf(def.in);
  return [];
}

const catalogCursor = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Strings that broke or could break a door: NUL, surrogates, giants, SQL, operators' names, crafted cursors. */
const nastyString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "\0",
      "a\0b",
      "%00",
      "\uD800",
      "x\uDC00y",
      "%ED%A0%80",
      "' OR 1=1 --",
      "../../etc/passwd",
      "__proto__",
      "constructor",
      "x".repeat(70),
      "x".repeat(10_000),
      "9".repeat(25),
      "99999999999999999999",
      "-1",
      "1.5",
      "",
      " ",
      catalogCursor({ s: "popularity", v: 1.5, id: "x" }),
      catalogCursor({ s: "price_asc", v: 1e20, id: "x" }),
      catalogCursor({ s: "rating", v: 1, id: "a\0b" }),
      catalogCursor({ s: "relevance", m: "popular", v: 0.5, id: "x" }),
    ),
  },
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.uuid().map(String),
  fc.base64String({ maxLength: 120 }),
);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: nastyString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  // Prisma filter operators where a string belongs.
  fc.record({ not: nastyString }),
  fc.record({ in: fc.array(nastyString, { maxLength: 3 }) }),
  fc.record({ contains: nastyString }),
  fc.record({ lt: nastyString }),
  fc.array(nastyString, { maxLength: 4 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

/** A plausible value per field name, so that mutating one field still gets past the others. */
function plausible(key: string): unknown {
  const values: Record<string, unknown> = {
    orgId,
    agentId: crypto.randomUUID(),
    taskId: crypto.randomUUID(),
    keyId: crypto.randomUUID(),
    reviewId: crypto.randomUUID(),
    memberId: crypto.randomUUID(),
    departmentId: null,
    sessionId: "cs_test_nothing",
    slug: agentSlug,
    agentSlug,
    packId: "pack-1000",
    cursor: null,
    limit: 5,
    text: "Summarise the quarter",
    name: "fuzz key",
    need: "translate invoices into French",
    reason: "fuzzing the door",
    reply: "Thank you",
    query: "fuzz",
    q: "analyst",
    rating: 4,
    amount: 1,
    requestId: crypto.randomUUID(),
    monthlyCapCredits: 10_000,
    scopes: ["agents:read"],
    expiresInDays: null,
    source: { kind: "json", text: "{}" },
    pricePerTask: 10,
    categories: ["finance"],
    tags: ["fuzz"],
    status: "IN_REVIEW",
  };
  return key in values ? values[key] : "x";
}

/**
 * Plausible input with one field (sometimes several) replaced by a nasty
 * value or removed, so the nasty value gets past the other fields' checks;
 * or anything at all.
 */
function inputFor(keys: string[]): fc.Arbitrary<unknown> {
  const base = () => Object.fromEntries(keys.map((k) => [k, plausible(k)])) as Record<string, unknown>;
  if (keys.length === 0) return fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 }));
  const one = fc
    .record({ key: fc.constantFrom(...keys), value: nasty, drop: fc.boolean() })
    .map(({ key, value, drop }) => {
      const input = base();
      if (drop && value === undefined) delete input[key];
      else input[key] = value;
      return input;
    });
  const several = fc
    .dictionary(fc.constantFrom(...keys), nasty, { minKeys: 1 })
    .map((values) => ({ ...base(), ...values }));
  return fc.oneof(
    { weight: 6, arbitrary: one },
    { weight: 2, arbitrary: several },
    fc.anything({ maxDepth: 2 }),
    nasty,
  );
}

async function callProcedure(path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

/** The property: an answer, or a documented refusal whose message carries no internals. */
async function expectDocumentedOutcome(path: string, input: unknown) {
  try {
    await callProcedure(path, input);
  } catch (error) {
    if (!(error instanceof TRPCError)) throw new Error(`${path} threw a non-tRPC error`, { cause: error });
    if (!DOCUMENTED.has(error.code)) {
      throw new Error(`${path} answered ${error.code}: ${error.message} (cause: ${String(error.cause)})`, {
        cause: error,
      });
    }
    expect(error.message, path).not.toMatch(LEAK);
  }
}

describe("tRPC fuzz: random inputs to every procedure", () => {
  it("knows the main procedures", () => {
    const paths = procedures.map(([path]) => path);
    for (const path of ["agents.search", "agents.get", "tasks.start", "tasks.list", "sell.create", "apiKeys.create"])
      expect(paths).toContain(path);
  });

  it("answers plausible inputs without a bug", async () => {
    for (const [path, procedure] of procedures) {
      const keys = procedure._def.inputs.flatMap(keysOf);
      await expectDocumentedOutcome(path, Object.fromEntries(keys.map((k) => [k, plausible(k)])));
    }
  });

  it("never answers INTERNAL_SERVER_ERROR or leaks internals for random inputs", async () => {
    // Each procedure gets its own seeded runs, so none is left out by chance.
    for (const [index, [path, procedure]] of procedures.entries()) {
      const keys = [...new Set(procedure._def.inputs.flatMap(keysOf))];
      await fc.assert(
        fc.asyncProperty(inputFor(keys), async (input) => expectDocumentedOutcome(path, input)),
        { seed: 20_261_201 + index, numRuns: RUNS_PER_PROCEDURE },
      );
    }
  }, 60_000);
});

describe("tRPC inputs that were 5xx or accepted before", () => {
  const rejects = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ code });

  it("refuses a NUL byte or a lone surrogate in a slug or a search as BAD_REQUEST", async () => {
    await rejects(caller.agents.get({ slug: "agent\0" }), "BAD_REQUEST");
    await rejects(caller.quality.agent({ slug: "a\uD800" }), "BAD_REQUEST");
    await rejects(caller.agents.search({ q: "analyst\0" }), "BAD_REQUEST");
    await rejects(caller.tasks.list({ orgId, search: "\0" }), "BAD_REQUEST");
    await rejects(caller.platform.searchOrgs({ query: "acme\0" }), "BAD_REQUEST");
  });

  it("refuses the 40-character API key name the form used to allow", async () => {
    await rejects(caller.apiKeys.create({ orgId, name: "k".repeat(40) }), "BAD_REQUEST");
    expect((await caller.apiKeys.create({ orgId, name: "k".repeat(32) })).name).toBe("k".repeat(32));
  });

  it("refuses crafted cursors as BAD_REQUEST", async () => {
    for (const cursor of [
      catalogCursor({ s: "popularity", v: 1.5, id: "x" }),
      catalogCursor({ s: "price_desc", v: 3e9, id: "x" }),
      catalogCursor({ s: "popularity", v: 1, id: "a\0b" }),
      "not base64!",
    ]) {
      await rejects(caller.agents.search({ sort: "popularity", cursor }), "BAD_REQUEST");
    }
    await rejects(caller.platform.grants({ cursor: "99999999999999999999" }), "BAD_REQUEST");
    await rejects(caller.tasks.list({ orgId, cursor: "a\0" }), "BAD_REQUEST");
    await rejects(caller.reviews.listForAgent({ slug: agentSlug, cursor: { lt: "z" } as never }), "BAD_REQUEST");
  });

  it("maps service refusals to their kind's code", async () => {
    await rejects(caller.tasks.start({ orgId, agentSlug, text: "Revenue: 1, 2, 3" }), "PAYMENT_REQUIRED");
    await rejects(caller.credits.createCheckout({ orgId, packId: "pack-1000" }), "SERVICE_UNAVAILABLE");
    await rejects(caller.agents.get({ slug: `no-such-${unique()}` }), "NOT_FOUND");
    await rejects(caller.orgs.dashboard({ orgId: crypto.randomUUID() }), "NOT_FOUND");
  });
});
