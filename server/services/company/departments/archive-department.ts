import "server-only";
import type { Tx } from "../../../db";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "./company-actor";
import { lockedTree } from "./department-tree";
import { formatCount } from "./format-count";
import { recordCompanyChange } from "./record-company-change";

interface ArchiveInput {
  orgId: string;
  actor: CompanyActor;
  departmentId: string;
}

/**
 * Archives a department: it leaves the chart and takes no work. Refused
 * while it still has staff (an active or paused position: end or move them
 * first) or teams that are not archived (archive or move them first), so
 * nothing live is ever left under an archived department.
 */
export async function archiveDepartment(input: ArchiveInput): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  return eventTransaction(async (tx) => {
    const tree = await lockedTree(tx, input.orgId);
    const department = tree.get(input.departmentId);
    if (department.archivedAt) return { id: department.id, changed: false };
    const staff = await tx.position.count({
      where: { departmentId: department.id, status: { in: ["ACTIVE", "PAUSED"] } },
    });
    const liveTeams = tree.children(department.id).filter((child) => !child.archivedAt);
    if (staff > 0 || liveTeams.length > 0) {
      const reasons = [
        staff > 0 ? `${formatCount(staff, "active or paused position")} (end or move them first)` : null,
        liveTeams.length > 0
          ? `${formatCount(liveTeams.length, "team")} that ${liveTeams.length === 1 ? "is" : "are"} not archived ` +
            `(${liveTeams.map((t) => t.name).join(", ")}: archive or move them first)`
          : null,
      ].filter(Boolean);
      throw new DomainError("conflict", `${department.name} cannot be archived while it has ${reasons.join(" and ")}.`);
    }
    await tx.department.update({ where: { id: department.id }, data: { archivedAt: new Date() } });
    await record(tx, input, department.id, department.name, "archived");
    return { id: department.id, changed: true };
  });
}

/** Brings an archived department back; its parent must not be archived (unarchive that first). */
export async function unarchiveDepartment(input: ArchiveInput): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  return eventTransaction(async (tx) => {
    const tree = await lockedTree(tx, input.orgId);
    const department = tree.get(input.departmentId);
    if (!department.archivedAt) return { id: department.id, changed: false };
    const parent = department.parentId ? tree.get(department.parentId) : null;
    if (parent?.archivedAt)
      throw new DomainError(
        "conflict",
        `${department.name} sits under ${parent.name}, which is archived: ` +
          `unarchive ${parent.name} first, or move ${department.name}.`,
      );
    await tx.department.update({ where: { id: department.id }, data: { archivedAt: null } });
    await record(tx, input, department.id, department.name, "unarchived");
    return { id: department.id, changed: true };
  });
}

async function record(tx: Tx, input: ArchiveInput, id: string, name: string, verb: "archived" | "unarchived") {
  await recordCompanyChange(tx, {
    orgId: input.orgId,
    actor: input.actor,
    audit: { action: `department.${verb}`, target: id, data: { name } },
    events: [
      {
        orgId: input.orgId,
        type: verb === "archived" ? "department.archived" : "department.unarchived",
        subject: { type: "department", id },
        actor: eventActorOf(input.actor),
        data: { name },
      },
    ],
  });
}
