import "server-only";
import { DomainError } from "../../../errors";
import { eventTransaction } from "../../events/event-transaction";
import type { AnyRecordEventInput } from "../../events/record-event";
import { authorizeCompanyActor, eventActorOf, type CompanyActor } from "../departments/company-actor";
import { lockDepartments } from "../departments/department-tree";
import { recordCompanyChange } from "../departments/record-company-change";
import { findPosition, refuseEnded, releaseManager } from "./position-changes";

interface StatusInput {
  orgId: string;
  actor: CompanyActor;
  positionId: string;
}

type Move = "pause" | "resume" | "end";

const VERB = { pause: "paused", resume: "resumed", end: "ended" } as const;

/**
 * Pauses (takes no new tasks, stays on the chart), resumes or ends a
 * position (ENDED, endedAt: kept for the record of its tasks). Doing what is
 * already done changes nothing; an ended position cannot be paused or
 * resumed. Tasks already started run to their end. A manager position that
 * stops working hands its department back to Bureau's manager.
 */
async function setStatus(input: StatusInput, move: Move): Promise<{ id: string; changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  return eventTransaction(async (tx) => {
    await lockDepartments(tx, input.orgId);
    const position = await findPosition(tx, input.orgId, input.positionId);
    const target = move === "pause" ? "PAUSED" : move === "resume" ? "ACTIVE" : "ENDED";
    if (position.status === target) return { id: position.id, changed: false };
    if (move !== "end") refuseEnded(position, VERB[move]);
    const claimed = await tx.position.updateMany({
      where: { id: position.id, status: position.status },
      data: { status: target, ...(move === "end" ? { endedAt: new Date() } : {}) },
    });
    if (claimed.count === 0)
      throw new DomainError("conflict", `${position.title} was changed at the same moment; look again and retry.`);
    const managerEvents: AnyRecordEventInput[] = move === "resume" ? [] : await releaseManager(tx, input, position);
    const data = { departmentId: position.departmentId, title: position.title };
    await recordCompanyChange(tx, {
      orgId: input.orgId,
      actor: input.actor,
      audit: { action: `position.${VERB[move]}`, target: position.id, data },
      events: [
        {
          orgId: input.orgId,
          type: `position.${VERB[move]}`,
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

export const pausePosition = (input: StatusInput) => setStatus(input, "pause");
export const resumePosition = (input: StatusInput) => setStatus(input, "resume");
export const endPosition = (input: StatusInput) => setStatus(input, "end");
