import "server-only";
import { db } from "../../db";

/**
 * The caller's membership of an org, or null when they are not a member (an
 * org they do not belong to is "not found"). For route handlers, which have
 * no tRPC orgProcedure.
 */
export function findMembership(input: { orgId: string; userId: string }) {
  return db.member.findFirst({
    where: { organizationId: input.orgId, userId: input.userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
}
