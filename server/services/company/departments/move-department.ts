import "server-only";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "./company-actor";
import { MAX_DEPARTMENT_DEPTH } from "./company-limits.types";
import { lockedTree } from "./department-tree";
import { recordCompanyChange } from "./record-company-change";

/**
 * Re-parents a department with everything below it (null: to the top
 * level). Refused: under itself or one of its own teams (a cycle), under an
 * archived department, or past MAX_DEPARTMENT_DEPTH levels. Its tasks keep
 * their department, so from now on they roll up into the new parent's budget.
 */
export async function moveDepartment(input: {
  orgId: string;
  actor: CompanyActor;
  departmentId: string;
  parentId: string | null;
}): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  return eventTransaction(async (tx) => {
    const tree = await lockedTree(tx, input.orgId);
    const department = tree.get(input.departmentId);
    if (department.parentId === input.parentId) return { id: department.id, changed: false };
    if (input.parentId !== null) {
      const parent = tree.get(input.parentId);
      if (tree.subtree(department.id).includes(parent.id))
        throw new DomainError(
          "invalid_input",
          parent.id === department.id
            ? `${department.name} cannot sit under itself.`
            : `${parent.name} is inside ${department.name}; a department cannot move under one of its own teams.`,
        );
      if (parent.archivedAt)
        throw new DomainError(
          "invalid_input",
          `${parent.name} is archived; unarchive it before moving teams under it.`,
        );
      if (tree.depth(parent.id) + tree.height(department.id) > MAX_DEPARTMENT_DEPTH)
        throw new DomainError(
          "invalid_input",
          `Moving ${department.name} under ${parent.name} would nest teams ` +
            `more than ${MAX_DEPARTMENT_DEPTH} levels deep.`,
        );
    }
    await tx.department.update({ where: { id: department.id }, data: { parentId: input.parentId } });
    const data = { name: department.name, fromParentId: department.parentId, toParentId: input.parentId };
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: { action: "department.moved", target: department.id, data },
      events: [
        {
          orgId: input.orgId,
          type: "department.moved",
          subject: { type: "department", id: department.id },
          actor: eventActorOf(input.actor),
          data,
        },
      ],
    });
    return { id: department.id, changed: true };
  });
}
