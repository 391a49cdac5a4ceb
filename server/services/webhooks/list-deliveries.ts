import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { DELIVERY_VIEW_SELECT, type WebhookDeliveryView } from "./webhook-views";

/** An endpoint's deliveries, newest first (ids are UUIDv7, time-ordered); cursor = last id of the previous page. */
export async function listDeliveries(input: {
  orgId: string;
  endpointId: string;
  cursor?: string | null;
  limit: number;
}): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, orgId: input.orgId },
    select: { id: true },
  });
  if (!endpoint) throw new DomainError("not_found", "Webhook endpoint not found.");
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, orgId: input.orgId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: DELIVERY_VIEW_SELECT,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
