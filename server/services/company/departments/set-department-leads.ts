import "server-only";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "./company-actor";
import { MAX_DEPARTMENT_LEADS } from "./company-limits.types";
import { DEPARTMENT_NOT_FOUND } from "./department-tree";
import { recordCompanyChange } from "./record-company-change";

/**
 * Sets who leads a department (they decide its approvals and accept its
 * plans): exactly these members of the org, replacing the previous leads.
 * Anyone who is not a member is refused, naming nobody's details.
 */
export async function setDepartmentLeads(input: {
  orgId: string;
  actor: CompanyActor;
  departmentId: string;
  userIds: readonly string[];
}): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  const userIds = [...new Set(input.userIds)];
  if (userIds.length > MAX_DEPARTMENT_LEADS)
    throw new DomainError("invalid_input", `A department has at most ${MAX_DEPARTMENT_LEADS} leads.`);
  return eventTransaction(async (tx) => {
    const department = await tx.department.findFirst({
      where: { id: input.departmentId, orgId: input.orgId },
      select: { id: true, name: true, leads: { select: { userId: true } } },
    });
    if (!department) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
    const members = await tx.member.findMany({
      where: { organizationId: input.orgId, userId: { in: userIds } },
      select: { userId: true },
    });
    const memberIds = new Set(members.map((m) => m.userId));
    const strangers = userIds.filter((id) => !memberIds.has(id));
    if (strangers.length > 0)
      throw new DomainError(
        "invalid_input",
        strangers.length === 1
          ? "One of the chosen leads is not a member of this organization."
          : `${strangers.length} of the chosen leads are not members of this organization.`,
      );
    const before = new Set(department.leads.map((l) => l.userId));
    const added = userIds.filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !userIds.includes(id));
    if (added.length === 0 && removed.length === 0) return { id: department.id, changed: false };
    await tx.departmentLead.deleteMany({ where: { departmentId: department.id, userId: { in: removed } } });
    await tx.departmentLead.createMany({
      data: added.map((userId) => ({ departmentId: department.id, userId })),
      skipDuplicates: true,
    });
    const data = { name: department.name, userIds, added, removed };
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: { action: "department.leads_changed", target: department.id, data },
      events: [
        {
          orgId: input.orgId,
          type: "department.leads_changed",
          subject: { type: "department", id: department.id },
          actor: eventActorOf(input.actor),
          data,
        },
      ],
    });
    return { id: department.id, changed: true };
  });
}
