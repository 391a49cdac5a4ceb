import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { requestDeliveries } from "./dispatch-org-events";

/**
 * Sends a delivery's message again (same webhook-id and body, fresh
 * signature and timestamp): the row goes back to pending and a new run with
 * the full retry schedule starts. Attempts keep counting.
 */
export async function replayDelivery(input: { orgId: string; deliveryId: string }): Promise<{ id: string }> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: input.deliveryId, orgId: input.orgId },
    select: { endpoint: { select: { enabled: true } } },
  });
  if (!delivery) throw new DomainError("not_found", "Delivery not found.");
  if (!delivery.endpoint.enabled) {
    throw new DomainError("conflict", "Enable the endpoint before replaying its deliveries.");
  }
  const row = await db.webhookDelivery.update({
    where: { id: input.deliveryId },
    data: { status: "pending", replays: { increment: 1 }, nextAttemptAt: new Date() },
    select: { id: true, replays: true },
  });
  await requestDeliveries([row]);
  return { id: row.id };
}

/** A "webhook.test" message to one endpoint, outside the event log, to check the receiver. */
export async function sendTestEvent(input: { orgId: string; endpointId: string; userId: string }) {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, orgId: input.orgId },
    select: { id: true, enabled: true },
  });
  if (!endpoint) throw new DomainError("not_found", "Webhook endpoint not found.");
  if (!endpoint.enabled) throw new DomainError("conflict", "Enable the endpoint before testing it.");
  const messageId = `test_${randomUUID()}`;
  const row = await db.webhookDelivery.create({
    data: {
      endpointId: endpoint.id,
      orgId: input.orgId,
      messageId,
      eventType: "webhook.test",
      payload: {
        id: messageId,
        type: "webhook.test",
        createdAt: new Date().toISOString(),
        subject: { type: "webhook_endpoint", id: endpoint.id },
        actor: { kind: "user", id: input.userId },
        data: { message: "A test message from Bureau." },
      },
      nextAttemptAt: new Date(),
    },
    select: { id: true, replays: true },
  });
  await requestDeliveries([row]);
  return { id: row.id };
}
