import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "../../env";

/**
 * A delegation grant's bearer token: `bdg_<payload>.<signature>`, both
 * base64url, the signature an HMAC-SHA256 over `bdg_<payload>` with a key
 * derived (HKDF) from the server secret for this use alone, so a grant can
 * neither be forged nor confused with anything else the secret signs. The
 * prefix tells it from an org API key (`bureau_…`) before any lookup, and
 * lets secret scanners recognise one. Stateless: the gateway checks the
 * signature and expiry without a query, then that the task is still running.
 */
export const GRANT_PREFIX = "bdg_";

/** What a token carries: the task it was given to, its tree and org, and its expiry. */
export interface GrantClaims {
  taskId: string;
  rootTaskId: string;
  orgId: string;
  depth: number;
  expiresAt: Date;
}

const ZPayloadSchema = z.strictObject({
  v: z.literal(1),
  t: z.string().min(1).max(100),
  r: z.string().min(1).max(100),
  o: z.string().min(1).max(100),
  d: z.number().int().min(0).max(100),
  /** Expiry, Unix seconds. */
  x: z.number().int().positive(),
});

let derived: { secret: string; key: Buffer } | undefined;

function signingKey(): Buffer {
  const secret = env.BETTER_AUTH_SECRET;
  if (derived?.secret !== secret) {
    const key = Buffer.from(hkdfSync("sha256", secret, "bureau", "bureau/delegation-grant/v1", 32));
    derived = { secret, key };
  }
  return derived.key;
}

const sign = (input: string) => createHmac("sha256", signingKey()).update(input).digest();

export function signGrant(claims: GrantClaims): string {
  const payload = {
    v: 1,
    t: claims.taskId,
    r: claims.rootTaskId,
    o: claims.orgId,
    d: claims.depth,
    x: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  const head = GRANT_PREFIX + Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${head}.${sign(head).toString("base64url")}`;
}

export type GrantTokenResult = { ok: true; claims: GrantClaims } | { ok: false; reason: "malformed" | "expired" };

/** Checks the signature, then the expiry; a token that fails either says nothing about its claims. */
export function verifyGrant(token: string, now = Date.now()): GrantTokenResult {
  const dot = token.lastIndexOf(".");
  if (!token.startsWith(GRANT_PREFIX) || dot < 0 || token.length > 2_000) return { ok: false, reason: "malformed" };
  const head = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = sign(head);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "malformed" };
  let payload;
  try {
    payload = ZPayloadSchema.safeParse(
      JSON.parse(Buffer.from(head.slice(GRANT_PREFIX.length), "base64url").toString()),
    );
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!payload.success) return { ok: false, reason: "malformed" };
  const p = payload.data;
  if (p.x * 1000 <= now) return { ok: false, reason: "expired" };
  return {
    ok: true,
    claims: { taskId: p.t, rootTaskId: p.r, orgId: p.o, depth: p.d, expiresAt: new Date(p.x * 1000) },
  };
}
