import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { grantCredits } from "../ledger/grant-credits";

/**
 * A platform admin's grant to any org, audited in that org's chain with the
 * admin as actor. requestId comes from the form, so a double submit grants once.
 */
export async function adminGrantCredits(input: {
  actorUserId: string;
  orgId: string;
  amount: number;
  reason: string;
  requestId: string;
}) {
  const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { id: true, name: true } });
  if (!org) throw new DomainError("not_found", "Organization not found.");
  const { granted } = await grantCredits({
    orgId: org.id,
    amount: input.amount,
    key: `admin-grant:${input.requestId}`,
    reason: input.reason,
    actorUserId: input.actorUserId,
  });
  return { granted, orgName: org.name };
}
