import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { sendEvent } from "../../jobs/send";
import { logger } from "../../logger";
import { isOrgEventType } from "../events/catalogue";
import { listOrgEvents } from "../events/list-org-events";

const PAGE = 200;
/** Pages per endpoint per call; the rest waits for the next wake-up or sweep. */
const MAX_PAGES = 10;

/** The durable event id of a delivery's run; a replay bumps `replays`, so it starts a new run. */
export const deliveryRunId = (deliveryId: string, replays: number) => `webhook-delivery:${deliveryId}:${replays}`;

export function requestDeliveries(deliveries: { id: string; replays: number }[]): Promise<void> {
  return sendEvent(
    deliveries.map((d) => ({
      name: "webhook/delivery.requested",
      id: deliveryRunId(d.id, d.replays),
      data: { deliveryId: d.id },
    })),
  );
}

/**
 * Turns the org events each enabled endpoint has not seen yet (after its
 * cursor, of its types) into delivery rows and starts their runs. Safe to run
 * anywhere at any time: the cursor moves only from the value read (so two
 * dispatchers never both claim a page), rows are unique per (endpoint,
 * message), and run ids are deterministic. A crash between commit and send
 * leaves pending rows that resendStalledDeliveries picks up.
 */
export async function dispatchOrgEvents(input: { orgId?: string } = {}): Promise<{ created: number }> {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { enabled: true, ...(input.orgId ? { orgId: input.orgId } : {}) },
    select: { id: true, orgId: true, eventTypes: true, cursor: true },
  });
  let created = 0;
  for (const endpoint of endpoints) {
    try {
      created += await dispatchEndpoint(endpoint);
    } catch (error) {
      logger.error({ err: error, endpointId: endpoint.id }, "webhook dispatch failed");
    }
  }
  return { created };
}

async function dispatchEndpoint(endpoint: {
  id: string;
  orgId: string;
  eventTypes: string[];
  cursor: bigint;
}): Promise<number> {
  const types = endpoint.eventTypes.filter(isOrgEventType);
  // Subscribed only to types the catalogue no longer has: nothing can match.
  if (endpoint.eventTypes.length > 0 && types.length === 0) return 0;
  let cursor = endpoint.cursor;
  let created = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { events, next, hasMore } = await listOrgEvents({ orgId: endpoint.orgId, after: cursor, limit: PAGE, types });
    if (events.length === 0) break;
    const rows = await db.$transaction(async (tx) => {
      const moved = await tx.webhookEndpoint.updateMany({
        where: { id: endpoint.id, cursor, enabled: true },
        data: { cursor: BigInt(next) },
      });
      if (moved.count === 0) return null; // another dispatcher took this page, or the endpoint was disabled
      return tx.webhookDelivery.createManyAndReturn({
        data: events.map((event) => ({
          endpointId: endpoint.id,
          orgId: endpoint.orgId,
          messageId: event.id,
          eventId: BigInt(event.id),
          eventType: event.type,
          payload: { ...event } as Prisma.InputJsonObject, // data came out of the same JSON column
        })),
        skipDuplicates: true,
        select: { id: true, replays: true },
      });
    });
    if (!rows) break;
    if (rows.length) await requestDeliveries(rows);
    created += rows.length;
    cursor = BigInt(next);
    if (!hasMore) break;
  }
  return created;
}
