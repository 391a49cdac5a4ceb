import "server-only";
import type { Tx } from "../../../db";
import { DomainError } from "../../../errors";
import type { AnyRecordEventInput } from "../../events/record-event";
import { eventActorOf, type CompanyActor } from "../departments/company-actor";

export const POSITION_NOT_FOUND = "No such position in this organization.";

/** What a change to a position reads of it. */
export const POSITION_FACTS = {
  id: true,
  departmentId: true,
  title: true,
  status: true,
  instructions: true,
  perTaskCeilingCredits: true,
  delegationBudgetCredits: true,
  department: { select: { name: true, managerPositionId: true } },
} as const;

export async function findPosition(tx: Tx, orgId: string, positionId: string) {
  const position = await tx.position.findFirst({ where: { id: positionId, orgId }, select: POSITION_FACTS });
  if (!position) throw new DomainError("not_found", POSITION_NOT_FOUND);
  return position;
}

/** An ended hire is kept for the record of its tasks and changes no more. */
export function refuseEnded(position: { title: string; status: string }, doing: string): void {
  if (position.status === "ENDED")
    throw new DomainError(
      "conflict",
      `${position.title} has ended; an ended position cannot be ${doing}. Hire again instead.`,
    );
}

/**
 * When the position that stops working for a department (paused, ended,
 * moved away) is that department's manager, the department goes back to
 * Bureau's manager: the change clears managerPositionId and says so.
 */
export async function releaseManager(
  tx: Tx,
  input: { orgId: string; actor: CompanyActor },
  position: { id: string; departmentId: string; department: { name: string; managerPositionId: string | null } },
): Promise<AnyRecordEventInput[]> {
  if (position.department.managerPositionId !== position.id) return [];
  await tx.department.update({ where: { id: position.departmentId }, data: { managerPositionId: null } });
  return [
    {
      orgId: input.orgId,
      type: "department.updated",
      subject: { type: "department", id: position.departmentId },
      actor: eventActorOf(input.actor),
      data: { name: position.department.name, changed: ["managerPositionId"] },
    },
  ];
}
