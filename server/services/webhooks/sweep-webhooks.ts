import "server-only";
import { db } from "../../db";
import { dispatchOrgEvents, requestDeliveries } from "./dispatch-org-events";

/**
 * The minute sweep: catches every enabled endpoint up from its cursor (events
 * whose notification no process heard: it was down, or on another node), and
 * re-sends the runs of deliveries committed without one (a crash between the
 * dispatcher's commit and its send). Those are pending, never attempted,
 * older than 2 minutes (a fresh one's run may simply not have started) and
 * younger than 24 hours (past the whole retry window nobody wants it late).
 * Run ids are deterministic, so a run that exists is not started twice.
 */
export async function sweepWebhooks(input: { now: Date }): Promise<{ dispatched: number; resent: number }> {
  const { created } = await dispatchOrgEvents();
  const stalled = await db.webhookDelivery.findMany({
    where: {
      status: "pending",
      attempts: 0,
      createdAt: { lt: new Date(input.now.getTime() - 2 * 60_000), gt: new Date(input.now.getTime() - 24 * 3_600_000) },
      endpoint: { enabled: true },
    },
    select: { id: true, replays: true },
    take: 500,
  });
  if (stalled.length) await requestDeliveries(stalled);
  return { dispatched: created, resent: stalled.length };
}
