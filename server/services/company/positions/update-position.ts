import "server-only";
import { eventTransaction } from "../../events/event-transaction";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "../departments/company-actor";
import {
  ZDelegationBudgetSchema,
  ZInstructionsSchema,
  ZPerTaskCeilingSchema,
  ZPositionTitleSchema,
} from "../departments/company-limits.types";
import { change } from "../departments/company-rules";
import { recordCompanyChange } from "../departments/record-company-change";
import { findPosition, refuseEnded } from "./position-changes";

export interface UpdatePositionInput {
  orgId: string;
  actor: CompanyActor;
  positionId: string;
  title?: string;
  instructions?: string;
  /** null removes the ceiling. */
  perTaskCeilingCredits?: number | null;
  /** null: the default, 5x each task's price. */
  delegationBudgetCredits?: number | null;
}

type Field = "title" | "instructions" | "perTaskCeilingCredits" | "delegationBudgetCredits";

/** Changes a position's title, standing instructions, ceiling or delegation budget; only what is given. */
export async function updatePosition(input: UpdatePositionInput): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  const next = {
    title: change(ZPositionTitleSchema, input.title),
    instructions: change(ZInstructionsSchema, input.instructions),
    perTaskCeilingCredits:
      input.perTaskCeilingCredits === null ? null : change(ZPerTaskCeilingSchema, input.perTaskCeilingCredits),
    delegationBudgetCredits:
      input.delegationBudgetCredits === null ? null : change(ZDelegationBudgetSchema, input.delegationBudgetCredits),
  };
  return eventTransaction(async (tx) => {
    const before = await findPosition(tx, input.orgId, input.positionId);
    refuseEnded(before, "changed");
    const after = {
      title: next.title ?? before.title,
      instructions: next.instructions ?? before.instructions,
      perTaskCeilingCredits:
        next.perTaskCeilingCredits === undefined ? before.perTaskCeilingCredits : next.perTaskCeilingCredits,
      delegationBudgetCredits:
        next.delegationBudgetCredits === undefined ? before.delegationBudgetCredits : next.delegationBudgetCredits,
    };
    const changed = (Object.keys(after) as Field[]).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return { id: before.id, changed: false };
    await tx.position.update({ where: { id: before.id }, data: after });
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: {
        action: "position.updated",
        target: before.id,
        data: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
      },
      events: [
        {
          orgId: input.orgId,
          type: "position.updated",
          subject: { type: "position", id: before.id },
          actor: eventActorOf(input.actor),
          data: { departmentId: before.departmentId, title: after.title, changed },
        },
      ],
    });
    return { id: before.id, changed: true };
  });
}
