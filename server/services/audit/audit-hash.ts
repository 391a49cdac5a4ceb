import "server-only";
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * How an AuditLog row's hash is computed, stored per row (`hashScheme`):
 * 1. keys sorted with `localeCompare` and values through JSON.stringify (rows
 *    written before RFC 8785; kept so they still verify);
 * 2. RFC 8785 (JSON Canonicalization Scheme) via `canonicalize`, with the
 *    scheme number inside the hashed object so relabelling a row's scheme
 *    changes what its hash must be.
 */
export type AuditHashScheme = 1 | 2;
export const CURRENT_AUDIT_HASH_SCHEME = 2 satisfies AuditHashScheme;

export const isAuditHashScheme = (value: number): value is AuditHashScheme => value === 1 || value === 2;

/** The fields a row's hash covers, besides its predecessor's hash and time. */
export interface AuditHashedFields {
  orgId: string | null;
  actorUserId: string | null;
  action: string;
  target: string | null;
  data: unknown;
}

/** Scheme 1, byte for byte as it shipped: locale-sorted keys, `undefined` as null. */
function legacyCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(legacyCanonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${legacyCanonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The canonical text of a JSON value under a scheme. RFC 8785 refuses what
 * JSON cannot carry faithfully (lone surrogates, NaN, Infinity) by throwing.
 */
export function canonicalJson(scheme: AuditHashScheme, value: unknown): string {
  if (scheme === 1) return legacyCanonical(value);
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("This value has no JSON representation.");
  return text;
}

export function computeAuditHash(input: {
  scheme: AuditHashScheme;
  prevHash: string | null;
  fields: AuditHashedFields;
  createdAt: Date;
}): string {
  const { scheme, prevHash, fields, createdAt } = input;
  const payload = { prevHash, ...fields, createdAt: createdAt.toISOString() };
  const text = canonicalJson(scheme, scheme === 1 ? payload : { scheme, ...payload });
  return createHash("sha256").update(text).digest("hex");
}
