import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../../env";

/*
 * Webhook signing secrets must be readable again (every delivery is signed
 * with them), so they are encrypted rather than hashed: AES-256-GCM with a key
 * derived (HKDF-SHA256) from BETTER_AUTH_SECRET, the server's one required
 * secret. Changing BETTER_AUTH_SECRET makes stored secrets unreadable: rotate
 * each endpoint's secret after it. Bureau had no encryption helper before
 * this one (nothing else stores a secret it must read back).
 */
const VERSION = "v1";
let key: Buffer | null = null;
function secretKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.BETTER_AUTH_SECRET, "bureau", "webhook-signing-secrets", 32));
  return key;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Not a sealed webhook secret.");
  const decipher = createDecipheriv("aes-256-gcm", secretKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
