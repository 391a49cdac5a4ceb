import "server-only";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "../departments/company-actor";
import { DEPARTMENT_NOT_FOUND, lockDepartments } from "../departments/department-tree";
import { recordCompanyChange } from "../departments/record-company-change";
import { findPosition, refuseEnded, releaseManager } from "./position-changes";

/**
 * Moves a position to another department of the org (not archived). Its
 * past tasks stay with the department they ran for; new ones count against
 * the new department's budget.
 */
export async function movePosition(input: {
  orgId: string;
  actor: CompanyActor;
  positionId: string;
  departmentId: string;
}): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  return eventTransaction(async (tx) => {
    await lockDepartments(tx, input.orgId);
    const position = await findPosition(tx, input.orgId, input.positionId);
    const target = await tx.department.findFirst({
      where: { id: input.departmentId, orgId: input.orgId },
      select: { id: true, name: true, archivedAt: true },
    });
    if (!target) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
    refuseEnded(position, "moved");
    if (target.id === position.departmentId) return { id: position.id, changed: false };
    if (target.archivedAt)
      throw new DomainError("invalid_input", `${target.name} is archived; positions cannot move into it.`);
    await tx.position.update({ where: { id: position.id }, data: { departmentId: target.id } });
    const managerEvents = await releaseManager(tx, input, position);
    const data = { title: position.title, fromDepartmentId: position.departmentId, toDepartmentId: target.id };
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: { action: "position.moved", target: position.id, data },
      events: [
        {
          orgId: input.orgId,
          type: "position.moved",
          subject: { type: "position", id: position.id },
          actor: eventActorOf(input.actor),
          data,
        },
        ...managerEvents,
      ],
    });
    return { id: position.id, changed: true };
  });
}
