import "server-only";
import { DomainError } from "../../../errors";
import type { ApprovalPolicyKind } from "../../../generated/prisma/enums";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "./company-actor";
import {
  ZApprovalOverCreditsSchema,
  ZApprovalPolicySchema,
  ZDepartmentNameSchema,
  ZMissionSchema,
  ZPlanAutoRunCreditsSchema,
} from "./company-limits.types";
import { change } from "./company-rules";
import { DEPARTMENT_NOT_FOUND } from "./department-tree";
import { recordCompanyChange } from "./record-company-change";

export interface UpdateDepartmentInput {
  orgId: string;
  actor: CompanyActor;
  departmentId: string;
  name?: string;
  mission?: string;
  approvalPolicy?: ApprovalPolicyKind;
  /** For OVER: tasks priced above this wait for a lead. */
  approvalOverCredits?: number | null;
  planAutoRunCredits?: number;
  /** One of its own ACTIVE positions as its manager; null: Bureau's manager. */
  managerPositionId?: string | null;
}

type Field = "name" | "mission" | "approvalPolicy" | "approvalOverCredits" | "planAutoRunCredits" | "managerPositionId";

/**
 * Renames a department or changes its mission, approval policy, plan
 * auto-run limit or manager. Only what is given changes; the slug stays.
 * OVER needs a threshold (given now or set before); under NONE and EVERY
 * the threshold is cleared. Resolves to whether anything changed.
 */
export async function updateDepartment(input: UpdateDepartmentInput): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  const next = {
    name: change(ZDepartmentNameSchema, input.name),
    mission: change(ZMissionSchema, input.mission),
    approvalPolicy: change(ZApprovalPolicySchema, input.approvalPolicy),
    approvalOverCredits:
      input.approvalOverCredits === null ? null : change(ZApprovalOverCreditsSchema, input.approvalOverCredits),
    planAutoRunCredits: change(ZPlanAutoRunCreditsSchema, input.planAutoRunCredits),
    managerPositionId: input.managerPositionId,
  };
  return eventTransaction(async (tx) => {
    const before = await tx.department.findFirst({
      where: { id: input.departmentId, orgId: input.orgId },
      select: {
        id: true,
        name: true,
        mission: true,
        approvalPolicy: true,
        approvalOverCredits: true,
        planAutoRunCredits: true,
        managerPositionId: true,
      },
    });
    if (!before) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
    const policy = next.approvalPolicy ?? before.approvalPolicy;
    let over = next.approvalOverCredits === undefined ? before.approvalOverCredits : next.approvalOverCredits;
    if (policy === "OVER" && over === null)
      throw new DomainError(
        "invalid_input",
        "Say how many credits a task may cost before it needs a lead's approval (approvalOverCredits).",
      );
    if (policy !== "OVER") over = null;
    if (next.managerPositionId) {
      const position = await tx.position.findFirst({
        where: { id: next.managerPositionId, orgId: input.orgId },
        select: { departmentId: true, status: true, title: true },
      });
      if (!position) throw new DomainError("not_found", "No such position in this organization.");
      if (position.departmentId !== before.id)
        throw new DomainError("invalid_input", `The manager must be one of ${before.name}'s own positions.`);
      if (position.status !== "ACTIVE")
        throw new DomainError(
          "invalid_input",
          `${position.title} is ${position.status === "PAUSED" ? "paused" : "ended"}; ` +
            `only an active position can manage ${before.name}.`,
        );
    }
    const after = {
      name: next.name ?? before.name,
      mission: next.mission ?? before.mission,
      approvalPolicy: policy,
      approvalOverCredits: over,
      planAutoRunCredits: next.planAutoRunCredits ?? before.planAutoRunCredits,
      managerPositionId: next.managerPositionId === undefined ? before.managerPositionId : next.managerPositionId,
    };
    const changed = (Object.keys(after) as Field[]).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return { id: before.id, changed: false };
    await tx.department.update({ where: { id: before.id }, data: after });
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: {
        action: "department.updated",
        target: before.id,
        data: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
      },
      events: [
        {
          orgId: input.orgId,
          type: "department.updated",
          subject: { type: "department", id: before.id },
          actor: eventActorOf(input.actor),
          data: { name: after.name, changed },
        },
      ],
    });
    return { id: before.id, changed: true };
  });
}
