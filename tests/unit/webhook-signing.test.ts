import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE_MS } from "@/server/services/webhooks/retry-schedule";
import { decryptSecret, encryptSecret, generateWebhookSecret } from "@/server/services/webhooks/secret-box";
import { signMessage } from "@/server/services/webhooks/sign-message";

describe("webhook secrets and signatures", () => {
  it("seals a secret so only this server reads it back, and refuses a tampered one", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const sealed = encryptSecret(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(encryptSecret(secret)).not.toBe(sealed); // a fresh IV each time
    expect(decryptSecret(sealed)).toBe(secret);
    const [version, iv, tag, body] = sealed.split(":");
    const flipped = `${body![0] === "A" ? "B" : "A"}${body!.slice(1)}`;
    expect(() => decryptSecret([version, iv, tag, flipped].join(":"))).toThrow();
    expect(() => decryptSecret("plain")).toThrow();
  });

  it("signs with every secret given, each verifiable on its own by the library", () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    const body = JSON.stringify({ id: "7", type: "task.created" });
    const headers = signMessage({ messageId: "7", body, secrets: [a, b], timestamp: new Date() });
    expect(headers["webhook-id"]).toBe("7");
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(a).verify(body, headers)).toEqual({ id: "7", type: "task.created" });
    expect(new Webhook(b).verify(body, headers)).toEqual({ id: "7", type: "task.created" });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(a).verify(`${body} `, headers)).toThrow(WebhookVerificationError);
  });

  it("retries for 24 hours by default", () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS[0]).toBe(0);
    expect(DEFAULT_RETRY_SCHEDULE_MS.at(-1)).toBe(24 * 3_600_000);
    expect([...DEFAULT_RETRY_SCHEDULE_MS].sort((x, y) => x - y)).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
  });
});
