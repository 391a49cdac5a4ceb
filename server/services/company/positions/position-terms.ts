import "server-only";
import type { BureauMessage } from "../../../a2a/bureau-format";
import { db } from "../../../db";
import { DomainError } from "../../../errors";

/** What a task run as a hired position takes from it. */
export interface PositionTerms {
  positionId: string;
  agentId: string;
  departmentId: string;
  title: string;
  instructions: string;
  ceilingCredits: number | null;
  /** What the agent may spend delegating onward from one task; null: 5x the task's price. */
  delegationBudgetCredits: number | null;
}

/**
 * The position a task runs as: the org's own, active (a paused or ended one
 * takes no work; another org's is not found), in a department that is not
 * archived.
 */
export async function positionTerms(orgId: string, positionId: string): Promise<PositionTerms> {
  const position = await db.position.findFirst({
    where: { id: positionId, orgId },
    select: {
      id: true,
      agentId: true,
      departmentId: true,
      title: true,
      instructions: true,
      perTaskCeilingCredits: true,
      delegationBudgetCredits: true,
      status: true,
      department: { select: { name: true, archivedAt: true } },
    },
  });
  if (!position) throw new DomainError("not_found", "No such position in this organization.");
  if (position.status !== "ACTIVE" || position.department.archivedAt)
    throw new DomainError(
      "position_unavailable",
      position.department.archivedAt
        ? `${position.title} belongs to ${position.department.name}, which is archived.`
        : `${position.title} is ${position.status === "PAUSED" ? "paused" : "ended"} and takes no new tasks.`,
    );
  return {
    positionId: position.id,
    agentId: position.agentId,
    departmentId: position.departmentId,
    title: position.title,
    instructions: position.instructions,
    ceilingCredits: position.perTaskCeilingCredits,
    delegationBudgetCredits: position.delegationBudgetCredits,
  };
}

/**
 * The message as the position's agent receives it: the request first (an
 * agent reads its opening words as the ask), then the standing
 * instructions as a text part of their own.
 */
export function withStandingInstructions(message: BureauMessage, terms: PositionTerms): BureauMessage {
  if (!terms.instructions.trim()) return message;
  return {
    ...message,
    parts: [...message.parts, { kind: "text", text: `Standing instructions (${terms.title}): ${terms.instructions}` }],
  };
}
