import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { auth } from "@/server/auth/auth";
import { clientIpHeader } from "@/server/net/client-address";
import { API_KEY_FAILURE_LIMIT, authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { ownerWithOrg } from "../../support/factories";

/** A whoami call as it arrives through the request hook from `ip`. */
const call = (ip: string, authorization: string) =>
  whoami(
    new Request("http://localhost/api/v1/whoami", { headers: { authorization, [clientIpHeader()]: ip } }),
    undefined,
  );

const randomIp = (prefix: string) => `${prefix}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const badKey = (i: number) => `Bearer bureau_guess${i.toString().padStart(4, "0")}NotARealKeyAtAll`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("invalid API keys are throttled per client IP before the lookup", () => {
  it("answers 429 with Retry-After after the burst, while another IP and a valid key still work", async () => {
    const { org, caller } = await ownerWithOrg("Throttled");
    const valid = await caller.apiKeys.create({ orgId: org.id, name: "ok", scopes: ["agents:read"] });
    const attacker = randomIp("198.18");
    const bystander = randomIp("198.19");

    const statuses: number[] = [];
    for (let i = 0; i < API_KEY_FAILURE_LIMIT.limit; i++) statuses.push((await call(attacker, badKey(i))).status);
    // The burst is spent within a second or two, so at most one token has refilled meanwhile.
    expect(statuses).toEqual(Array(API_KEY_FAILURE_LIMIT.limit).fill(401));

    const lookups = vi.spyOn(auth.api, "verifyApiKey");
    let refused = await call(attacker, badKey(999));
    if (refused.status === 401) refused = await call(attacker, badKey(998)); // the one refilled token
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Refused without reading the key table, even for a valid key from that address.
    const lookupsBefore = lookups.mock.calls.length;
    expect((await call(attacker, `Bearer ${valid.key}`)).status).toBe(429);
    expect(lookups.mock.calls.length).toBe(lookupsBefore);

    expect((await call(bystander, badKey(1))).status).toBe(401);
    expect((await call(bystander, `Bearer ${valid.key}`)).status).toBe(200);
  });

  it("counts revoked keys as failures, and IPv6 callers per /64", async () => {
    const { org, caller } = await ownerWithOrg("Revoker");
    const revoked = await caller.apiKeys.create({ orgId: org.id, name: "old", scopes: ["agents:read"] });
    await caller.apiKeys.revoke({ orgId: org.id, keyId: revoked.id });
    const prefix = `2001:db8:${Math.floor(Math.random() * 65535).toString(16)}:1`;
    for (let i = 0; i < API_KEY_FAILURE_LIMIT.limit; i++) {
      // Each request from another address of the same /64.
      const result = await authenticateApiKey(`Bearer ${revoked.key}`, { clientIp: `${prefix}::${i + 1}` });
      expect(result).toMatchObject({ ok: false, code: "revoked" });
    }
    let refusal: unknown = null;
    // At most one token refilled while the loop ran; the next call or the one after is refused.
    for (let i = 0; i < 2 && !refusal; i++) {
      await authenticateApiKey(`Bearer ${revoked.key}`, { clientIp: `${prefix}::ffff` }).catch((error: unknown) => {
        refusal = error;
      });
    }
    expect(refusal).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: expect.any(Number) } });
    const elsewhere = await authenticateApiKey(`Bearer ${revoked.key}`, { clientIp: `${prefix.slice(0, -1)}2::1` });
    expect(elsewhere).toMatchObject({ ok: false, code: "revoked" });
  });

  it("does not throttle when no client IP is given (callers that have none)", async () => {
    for (let i = 0; i < API_KEY_FAILURE_LIMIT.limit + 2; i++) {
      expect(await authenticateApiKey(badKey(i))).toMatchObject({ ok: false, code: "invalid" });
    }
  });
});
