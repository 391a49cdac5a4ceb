import "server-only";
import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks headers for one message: webhook-id (stable across
 * retries, the receiver's deduplication key), webhook-timestamp (seconds)
 * and webhook-signature, one `v1,<base64>` per secret, space-separated (the
 * spec's way of signing with a new and an old secret during a rotation).
 */
export function signMessage(input: {
  messageId: string;
  body: string;
  secrets: string[];
  timestamp: Date;
}): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": input.messageId,
    "webhook-timestamp": Math.floor(input.timestamp.getTime() / 1000).toString(),
    "webhook-signature": input.secrets
      .map((secret) => new Webhook(secret).sign(input.messageId, input.timestamp, input.body))
      .join(" "),
  };
}
