import "server-only";
import type { Tx } from "../../../db";
import { recordAudit } from "../../audit/record-audit";
import { recordEvents, type AnyRecordEventInput } from "../../events/record-event";
import { userIdOf, type CompanyActor } from "./company-actor";

/**
 * The audit row and the org events of one change to departments or
 * positions, in the change's own transaction (run it through
 * eventTransaction) and after its writes: both take the org's writer lock
 * until commit.
 */
export async function recordCompanyChange(
  tx: Tx,
  input: {
    orgId: string;
    actor: CompanyActor;
    audit: { action: string; target: string; data: Record<string, unknown> };
    events: readonly AnyRecordEventInput[];
  },
): Promise<void> {
  await recordAudit(tx, {
    orgId: input.orgId,
    actorUserId: userIdOf(input.actor),
    action: input.audit.action,
    target: input.audit.target,
    data: input.audit.data,
  });
  await recordEvents(tx, input.events);
}
