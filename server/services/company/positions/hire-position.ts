import "server-only";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, userIdOf, type CompanyActor } from "../departments/company-actor";
import {
  POSITION_TITLE_MAX_LENGTH,
  ZDelegationBudgetSchema,
  ZInstructionsSchema,
  ZPerTaskCeilingSchema,
  ZPositionTitleSchema,
} from "../departments/company-limits.types";
import { field } from "../departments/company-rules";
import { DEPARTMENT_NOT_FOUND, lockDepartments } from "../departments/department-tree";
import { recordCompanyChange } from "../departments/record-company-change";

export interface HirePositionInput {
  orgId: string;
  actor: CompanyActor;
  departmentId: string;
  agent: { id: string } | { slug: string };
  /** Default: the agent's name. */
  title?: string | null;
  instructions?: string | null;
  perTaskCeilingCredits?: number | null;
  delegationBudgetCredits?: number | null;
}

const AGENT_NOT_FOUND = "No such agent is available to hire.";

/**
 * Hires an agent into a department (not archived): a published listing, or
 * one of the org's own agents that is not paused or suspended (the agents a
 * task may run). Hiring is free; each task is billed at the agent's price.
 */
export async function hirePosition(input: HirePositionInput): Promise<{ id: string }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  const terms = {
    title: input.title == null ? null : field(ZPositionTitleSchema, input.title),
    instructions: field(ZInstructionsSchema, input.instructions ?? ""),
    perTaskCeilingCredits:
      input.perTaskCeilingCredits == null ? null : field(ZPerTaskCeilingSchema, input.perTaskCeilingCredits),
    delegationBudgetCredits:
      input.delegationBudgetCredits == null ? null : field(ZDelegationBudgetSchema, input.delegationBudgetCredits),
  };
  return eventTransaction(async (tx) => {
    await lockDepartments(tx, input.orgId);
    const department = await tx.department.findFirst({
      where: { id: input.departmentId, orgId: input.orgId },
      select: { id: true, name: true, archivedAt: true },
    });
    if (!department) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
    if (department.archivedAt)
      throw new DomainError("invalid_input", `${department.name} is archived; unarchive it before hiring into it.`);
    const agent = await tx.agent.findFirst({
      where: {
        ...("id" in input.agent ? { id: input.agent.id } : { slug: input.agent.slug }),
        OR: [{ status: "PUBLISHED" }, { orgId: input.orgId, status: { notIn: ["PAUSED", "SUSPENDED"] } }],
      },
      select: { id: true, name: true },
    });
    if (!agent) throw new DomainError("agent_not_found", AGENT_NOT_FOUND);
    const title = terms.title ?? agent.name.slice(0, POSITION_TITLE_MAX_LENGTH);
    const position = await tx.position.create({
      data: {
        orgId: input.orgId,
        departmentId: department.id,
        agentId: agent.id,
        title,
        instructions: terms.instructions,
        perTaskCeilingCredits: terms.perTaskCeilingCredits,
        delegationBudgetCredits: terms.delegationBudgetCredits,
        hiredById: userIdOf(input.actor),
      },
      select: { id: true },
    });
    const data = { departmentId: department.id, agentId: agent.id, title };
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: {
        action: "position.hired",
        target: position.id,
        data: {
          ...data,
          perTaskCeilingCredits: terms.perTaskCeilingCredits,
          delegationBudgetCredits: terms.delegationBudgetCredits,
        },
      },
      events: [
        {
          orgId: input.orgId,
          type: "position.hired",
          subject: { type: "position", id: position.id },
          actor: eventActorOf(input.actor),
          data,
        },
      ],
    });
    return position;
  });
}
