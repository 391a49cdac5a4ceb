import { describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { db } from "@/server/db";
import { ANONYMOUS_RATE_LIMIT, API_KEY_RATE_LIMIT, apiKeyBucket } from "@/server/rest/admit";
import { API_KEY_FAILURE_LIMIT } from "@/server/services/api-keys/authenticate-api-key";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { recordEvent } from "@/server/services/events/record-event";
import { ownerWithOrg } from "../../support/factories";
import { readSse } from "../tasks-ui/seed-tasks";
import { emptyBucket, freshIp, ipBucket, useApiV1 } from "./rest-support";

/** The key routes' real answers (whoami, the event log and its stream), each checked against the document. */
const api = useApiV1();

async function orgWithKey(scopes: ApiKeyScope[] = ["events:read"]) {
  const { org, user } = await ownerWithOrg();
  const created = await createApiKey({ orgId: org.id, userId: user.id, name: "contract", scopes, expiresInDays: null });
  return { org, key: created.key, keyId: created.id };
}

const grant = (orgId: string, amount: number) =>
  db.$transaction((tx) =>
    recordEvent(tx, {
      orgId,
      type: "credits.granted",
      subject: { type: "wallet", id: "wallet" },
      actor: { kind: "system", id: null },
      data: { amount, reason: "contract test" },
    }),
  );

describe("GET /api/v1/whoami", () => {
  it("answers the key's org with the key's own rate-limit bucket", async () => {
    const { org, key } = await orgWithKey(["agents:read"]);
    const response = await api.call("/api/v1/whoami", { key });
    expect(response.headers.get("x-ratelimit-limit")).toBe(String(API_KEY_RATE_LIMIT.limit));
    expect(await api.contract.check(response)).toMatchObject({ org: { id: org.id }, key: { scopes: ["agents:read"] } });
  });

  it("answers missing, malformed and unknown keys with a documented 401 on the address's bucket", async () => {
    for (const authorization of [null, "Basic dXNlcjpwYXNz", "Bearer bureau_nopeNopeNopeNopeNopeNope12345"]) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const response = await api.call("/api/v1/whoami", { headers });
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(response.headers.get("x-ratelimit-limit")).toBe(String(ANONYMOUS_RATE_LIMIT.limit));
      expect(await api.contract.check(response)).toMatchObject({ error: { code: expect.stringMatching(/^api_key_/) } });
    }
  });

  it("answers an address out of key guesses, or of keyless calls, with a documented 429", async () => {
    const guesser = freshIp();
    let response: Response | undefined;
    for (let i = 0; i <= API_KEY_FAILURE_LIMIT.limit + 1 && response?.status !== 429; i++)
      response = await api.call("/api/v1/whoami", { ip: guesser, key: `bureau_guess${i}NotARealKeyAtAll00` });
    expect(response!.status).toBe(429);
    expect(response!.headers.get("x-ratelimit-limit")).toBe(String(API_KEY_FAILURE_LIMIT.limit));
    expect(await api.contract.check(response!)).toMatchObject({ error: { code: "rate_limited" } });

    const keyless = freshIp();
    await emptyBucket(ipBucket(ANONYMOUS_RATE_LIMIT.scope, keyless));
    const refused = await api.call("/api/v1/whoami", { ip: keyless });
    expect(refused.status).toBe(429);
    await api.contract.check(refused);
  });

  it("answers a key past its calls per minute with a documented 429", async () => {
    const { key, keyId } = await orgWithKey();
    await emptyBucket(apiKeyBucket(keyId));
    const response = await api.call("/api/v1/whoami", { key });
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await api.contract.check(response)).toMatchObject({ error: { code: "rate_limited" } });
  });
});

describe("GET /api/v1/events", () => {
  it("answers a page as the document describes it, each event an OrgEvent", async () => {
    const { org, key } = await orgWithKey();
    await grant(org.id, 7);
    const page = (await api.contract.check(await api.call("/api/v1/events?types=credits.granted", { key }))) as {
      events: { data: unknown }[];
    };
    expect(page).toMatchObject({ hasMore: false, next: expect.stringMatching(/^\d+$/) });
    expect(page.events.map((e) => e.data)).toEqual([{ amount: 7, reason: "contract test" }]);
  });

  it("refuses bad queries (400), keys without events:read (403) and no key (401), as documented", async () => {
    const { key } = await orgWithKey();
    const { key: other } = await orgWithKey(["tasks:read"]);
    for (const [path, k, status] of [
      ["/api/v1/events?limit=0", key, 400],
      ["/api/v1/events?types=credits.stolen", key, 400],
      ["/api/v1/events?after=-1", key, 400],
      ["/api/v1/events", other, 403],
      ["/api/v1/events", undefined, 401],
    ] as const) {
      const response = await api.call(path, { key: k });
      expect(response.status, path).toBe(status);
      await api.contract.check(response);
    }
  });
});

describe("GET /api/v1/events/stream", () => {
  it("streams text/event-stream whose frames are OrgEvents, resuming after Last-Event-ID", async () => {
    const { org, key } = await orgWithKey();
    const first = await grant(org.id, 1);
    const second = await grant(org.id, 2);
    const headers = { "last-event-id": first.id.toString() };
    const response = await api.call("/api/v1/events/stream?types=credits.granted", { key, headers });
    expect(response.status).toBe(200);
    const checkEvent = (await api.contract.check(response)) as (event: unknown) => void;
    const frames = await readSse(response, (f) => f.id === second.id.toString());
    expect(frames.map((f) => f.id)).toEqual([second.id.toString()]);
    const events = frames.map((f) => ({ id: f.id, data: JSON.parse(f.data!) as Record<string, unknown> }));
    for (const event of events) checkEvent(event);
    expect(() => checkEvent({ ...events[0], data: { ...events[0]!.data, id: 42 } })).toThrow(/does not match/);
  });

  it("refuses like the list, as documented", async () => {
    const { key } = await orgWithKey();
    const { key: other } = await orgWithKey(["agents:read"]);
    const bad = await api.call("/api/v1/events/stream", { key, headers: { "last-event-id": "12; DROP" } });
    expect(bad.status).toBe(400);
    expect(await api.contract.check(bad)).toMatchObject({ error: { code: "invalid_input" } });
    const refused = await api.call("/api/v1/events/stream", { key: other });
    expect(refused.status).toBe(403);
    expect(await api.contract.check(refused)).toMatchObject({ error: { code: "missing_scope" } });
  });
});
