import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/events/route";
import { GET as streamRoute } from "@/app/api/v1/events/stream/route";
import { inngest } from "@/inngest/client";
import pruneEvents from "@/inngest/functions/prune-events";
import { db } from "@/server/db";
import { toInngestFunction } from "@/server/jobs/inngest/adapt";
import type { OrgEventView } from "@/server/schemas/org-events";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { recordEvent } from "@/server/services/events/record-event";
import { pruneOrgEvents } from "@/server/services/events/prune-org-events";
import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { ownerWithOrg } from "../../support/factories";
import { serveFetchHandler } from "../../support/serve-fetch-handler";
import { readSse } from "../tasks-ui/seed-tasks";

type Page = { events: OrgEventView[]; next: string; hasMore: boolean };
type ErrorBody = { error: { code: string; message: string } };

async function orgWithKey(scopes: ApiKeyScope[] = ["events:read"]) {
  const { org, user } = await ownerWithOrg();
  const created = await createApiKey({ orgId: org.id, userId: user.id, name: "events", scopes, expiresInDays: null });
  return { org, user, key: created.key, keyId: created.id };
}

/** `count` grants in one org, alternating two wallets as subjects; returns their ids. */
async function grants(orgId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await db.$transaction((tx) =>
      recordEvent(tx, {
        orgId,
        type: "credits.granted",
        subject: { type: "wallet", id: i % 2 ? "wallet-odd" : "wallet-even" },
        actor: { kind: "system", id: null },
        data: { amount: i + 1, reason: `grant ${i}` },
      }),
    );
    ids.push(id.toString());
  }
  return ids;
}

const list = async (key: string | null, query = "") => {
  const headers = key ? { authorization: `Bearer ${key}` } : undefined;
  const response = await listRoute(new Request(`http://localhost/api/v1/events${query}`, { headers }), undefined);
  return { status: response.status, body: (await response.json()) as Page & ErrorBody };
};

describe("GET /api/v1/events", () => {
  it("pages through the org's events in id order with the next cursor, never skipping or repeating", async () => {
    const { org, key } = await orgWithKey();
    const written = await grants(org.id, 5);
    const all = (await list(key)).body.events.map((e) => e.id);
    expect(all.slice(-5)).toEqual(written);

    const seen: string[] = [];
    let after = "0";
    for (let round = 0; round < 20; round++) {
      const { status, body } = await list(key, `?after=${after}&limit=2`);
      expect(status).toBe(200);
      expect(body.events.length).toBeLessThanOrEqual(2);
      seen.push(...body.events.map((e) => e.id));
      after = body.next;
      if (!body.hasMore) break;
    }
    expect(seen).toEqual(all);
    // Caught up: next stays put, so polling with it picks up exactly what comes later.
    expect(await list(key, `?after=${after}`)).toMatchObject({ body: { events: [], next: after, hasMore: false } });
    const later = await grants(org.id, 1);
    expect((await list(key, `?after=${after}`)).body.events.map((e) => e.id)).toEqual(later);
  });

  it("shapes each event for programs: string ids, subject, actor, data, ISO time", async () => {
    const { org, key } = await orgWithKey();
    const [id] = await grants(org.id, 1);
    const { body } = await list(key, `?types=credits.granted`);
    expect(body.events).toEqual([
      {
        id,
        type: "credits.granted",
        subject: { type: "wallet", id: "wallet-even" },
        actor: { kind: "system", id: null },
        data: { amount: 1, reason: "grant 0" },
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it("filters by type (comma-separated) and by subject", async () => {
    const { org, key } = await orgWithKey();
    const written = await grants(org.id, 4);
    const byType = await list(key, "?types=credits.granted,%20api_key.created");
    expect(byType.body.events.map((e) => e.type)).toEqual([
      "api_key.created",
      "credits.granted",
      "credits.granted",
      "credits.granted",
      "credits.granted",
    ]);
    expect((await list(key, "?types=member.joined")).body.events.map((e) => e.type)).toEqual(["member.joined"]);
    const odd = await list(key, "?subject=wallet-odd");
    expect(odd.body.events.map((e) => e.id)).toEqual([written[1], written[3]]);
    const oddGrantsAfter = await list(key, `?subject=wallet-odd&types=credits.granted&after=${written[1]}`);
    expect(oddGrantsAfter.body.events.map((e) => e.id)).toEqual([written[3]]);
  });

  it("refuses unknown types, bad cursors and limits past 500 with 400 invalid_input", async () => {
    const { key } = await orgWithKey();
    for (const query of [
      "?types=credits.granted,credits.stolen",
      "?types=toString",
      "?after=abc",
      "?after=-1",
      "?after=99999999999999999999",
      "?limit=501",
      "?limit=0",
    ]) {
      const { status, body } = await list(key, query);
      expect(status, query).toBe(400);
      expect(body.error.code, query).toBe("invalid_input");
    }
    expect((await list(key, "?types=credits.stolen")).body.error.message).toContain("'credits.stolen'");
  });

  it("needs an org API key with events:read: 401 without one, 403 missing_scope without the scope", async () => {
    const { key: noScope } = await orgWithKey(["tasks:read", "agents:read"]);
    expect(await list(null)).toMatchObject({ status: 401, body: { error: { code: "api_key_missing" } } });
    expect(await list("not-a-real-key-at-all-000")).toMatchObject({ status: 401 });
    expect(await list(noScope)).toMatchObject({ status: 403, body: { error: { code: "missing_scope" } } });
  });

  it("shows a key only its own org's events", async () => {
    const a = await orgWithKey();
    const b = await orgWithKey();
    const aIds = await grants(a.org.id, 3);
    const bView = (await list(b.key, "?limit=500")).body.events;
    expect(bView.length).toBeGreaterThan(0); // its own membership and key
    expect(bView.map((e) => e.id)).not.toEqual(expect.arrayContaining([aIds[0]]));
    for (const id of aIds) expect(bView.some((e) => e.id === id)).toBe(false);
    expect(bView.some((e) => e.subject.id === "wallet-even")).toBe(false);
    // Even a cursor just before org A's events, on A's own wallet subject, finds nothing.
    const probe = await list(b.key, `?after=${BigInt(aIds[0]!) - 1n}&subject=wallet-even`);
    expect(probe.body.events).toEqual([]);
  });
});

describe("GET /api/v1/events/stream (SSE over real HTTP)", () => {
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  beforeAll(async () => {
    server = await serveFetchHandler((request) => streamRoute(request, undefined));
  });
  afterAll(() => server?.close());

  const open = (key: string, query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/events/stream${query}`, { headers: { authorization: `Bearer ${key}`, ...headers } });

  it("streams live events as they commit, then resumes after Last-Event-ID with the rest", async () => {
    const { org, key } = await orgWithKey();
    const [start] = await grants(org.id, 1);
    const first = await open(key, `?after=${start}&types=credits.granted`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/event-stream");
    // Written after the stream opened; the client hangs up after two of them.
    let count = 0;
    const reading = readSse(first, () => ++count === 2);
    const written = await grants(org.id, 4);
    const got = await reading;
    expect(got.map((f) => f.id)).toEqual(written.slice(0, 2));
    const event = JSON.parse(got[0]!.data!) as OrgEventView;
    expect(event).toMatchObject({ id: written[0], type: "credits.granted", data: { amount: 1, reason: "grant 0" } });

    // Reconnect as EventSource does: the original URL plus Last-Event-ID, which wins over ?after.
    const resumed = await open(key, `?after=${start}&types=credits.granted`, { "last-event-id": written[1]! });
    const rest = await readSse(resumed, (f) => f.id === written[3]);
    expect(rest.map((f) => f.id)).toEqual(written.slice(2));
  });

  it("delivers an event committed while the stream waits, and only the filtered types", async () => {
    const { org, key, user } = await orgWithKey();
    const [start] = await grants(org.id, 1);
    const response = await open(key, `?after=${start}&types=api_key.created`);
    const reading = readSse(response, (f) => JSON.parse(f.data!).type === "api_key.created");
    await grants(org.id, 2); // other types: not for this stream
    const created = await createApiKey({
      orgId: org.id,
      userId: user.id,
      name: "late",
      scopes: ["tasks:read"],
      expiresInDays: null,
    });
    const frames = await reading;
    expect(frames).toHaveLength(1);
    expect(JSON.parse(frames[0]!.data!)).toMatchObject({ type: "api_key.created", subject: { id: created.id } });
  });

  it("refuses like the list: 403 without the scope, 400 on a bad Last-Event-ID, and no foreign events", async () => {
    const { key: noScope } = await orgWithKey(["tasks:read"]);
    const refused = await open(noScope, "");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe("missing_scope");
    const { key } = await orgWithKey();
    const bad = await open(key, "", { "last-event-id": "12; DROP" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.code).toBe("invalid_input");
    expect((await open(key, "?types=task.exploded")).status).toBe(400);

    // A foreign org's stream from the very start sees its own events only.
    const a = await orgWithKey();
    const aIds = await grants(a.org.id, 2);
    const b = await orgWithKey();
    const bIds = await grants(b.org.id, 1);
    const frames = await readSse(await open(b.key, `?after=${BigInt(aIds[0]!) - 1n}`), (f) => f.id === bIds[0]);
    for (const id of aIds) expect(frames.some((f) => f.id === id)).toBe(false);
    expect(frames.map((f) => JSON.parse(f.data!).type)).toContain("credits.granted");
  });

  it("ends the stream once its key is revoked", async () => {
    const { org, user, key, keyId } = await orgWithKey();
    const response = await open(key, "");
    await revokeApiKey({ orgId: org.id, keyId, userId: user.id });
    // The next timed re-check (at most ~22 s) finds the key revoked and closes the stream.
    const frames = await readSse(response);
    expect(frames.every((f) => JSON.parse(f.data!).type !== "credits.granted")).toBe(true);
  }, 40_000);
});

describe("retention", () => {
  async function aged(orgId: string, days: number) {
    const [id] = await grants(orgId, 1);
    const createdAt = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    await db.event.update({ where: { id: BigInt(id!) }, data: { createdAt } });
    return id!;
  }

  it("prunes events older than the retention in batches and keeps the rest", async () => {
    const { org } = await ownerWithOrg();
    const old = [await aged(org.id, 400), await aged(org.id, 400), await aged(org.id, 399), await aged(org.id, 398)];
    const kept = [await aged(org.id, 100), ...(await grants(org.id, 1))];
    const { deleted } = await pruneOrgEvents({ now: new Date(), retentionDays: 365, batchSize: 2 });
    expect(deleted).toBeGreaterThanOrEqual(4);
    const left = (await db.event.findMany({ where: { orgId: org.id }, select: { id: true } })).map((e) => String(e.id));
    for (const id of old) expect(left).not.toContain(id);
    for (const id of kept) expect(left).toContain(id);
  });

  it("runs daily as the prune-events durable function with EVENT_RETENTION_DAYS (30 by default)", async () => {
    const { org } = await ownerWithOrg();
    const old = await aged(org.id, 31);
    const recent = await aged(org.id, 29);
    const trigger = pruneEvents.config.trigger;
    if (!("cron" in trigger)) throw new Error("prune-events must run on a schedule");
    expect(trigger.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const engine = new InngestTestEngine({ function: toInngestFunction(inngest, pruneEvents) });
    const { result } = await engine.execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: trigger.cron } }],
      steps: [],
    });
    expect(result).toMatchObject({ deleted: expect.any(Number) });
    const left = (await db.event.findMany({ where: { orgId: org.id }, select: { id: true } })).map((e) => String(e.id));
    expect(left).not.toContain(old);
    expect(left).toContain(recent);
  });
});
