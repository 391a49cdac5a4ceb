import "server-only";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "./company-actor";
import { MAX_DEPARTMENT_DEPTH, ZDepartmentNameSchema, ZMissionSchema } from "./company-limits.types";
import { departmentSlug, field } from "./company-rules";
import { lockedTree } from "./department-tree";
import { recordCompanyChange } from "./record-company-change";

export interface CreateDepartmentInput {
  orgId: string;
  actor: CompanyActor;
  name: string;
  mission?: string;
  /** A team: the department it sits under. */
  parentId?: string | null;
}

/**
 * A new department, or a team under `parentId` (not archived; the tree at
 * most MAX_DEPARTMENT_DEPTH levels deep). Its slug comes from the name,
 * made unique in the org ("marketing", then "marketing-2"); it is the
 * department's A2A address and stays when the department is renamed.
 */
export async function createDepartment(input: CreateDepartmentInput): Promise<{ id: string; slug: string }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  const name = field(ZDepartmentNameSchema, input.name);
  const mission = field(ZMissionSchema, input.mission ?? "");
  const parentId = input.parentId ?? null;
  return eventTransaction(async (tx) => {
    const tree = await lockedTree(tx, input.orgId);
    if (parentId) {
      const parent = tree.get(parentId);
      if (parent.archivedAt)
        throw new DomainError("invalid_input", `${parent.name} is archived; unarchive it before adding teams to it.`);
      if (tree.depth(parentId) + 1 > MAX_DEPARTMENT_DEPTH)
        throw new DomainError(
          "invalid_input",
          `Teams nest at most ${MAX_DEPARTMENT_DEPTH} levels deep, and ${parent.name} is already at the deepest level.`,
        );
    }
    const taken = new Set(tree.nodes.map((n) => n.slug));
    const base = departmentSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const department = await tx.department.create({
      data: { orgId: input.orgId, name, mission, parentId, slug },
      select: { id: true, slug: true },
    });
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: { action: "department.created", target: department.id, data: { name, slug, parentId } },
      events: [
        {
          orgId: input.orgId,
          type: "department.created",
          subject: { type: "department", id: department.id },
          actor: eventActorOf(input.actor),
          data: { name, slug, parentId },
        },
      ],
    });
    return department;
  });
}
