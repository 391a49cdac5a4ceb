import "server-only";
import { messageText } from "../../../a2a/bureau-format";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import { startTask, type StartedTask, type StartTaskInput } from "../../tasks/start-task";
import { staffById } from "../manager/org-tree";
import { decisionFromParts, finalizeParts } from "../manager/plan-parts";
import { askDepartment } from "./ask-department";
import { loadManagerDepartments } from "./manager-input";
import type { StoredDecision } from "./run-request";

/**
 * A task for one hired position, asked directly (an MCP tool of the
 * position, a program naming it): when its department's approval policy
 * gates the price, the task waits for a lead like a plan's gated step does,
 * so no door gets around the policy. It then becomes a request to the
 * department whose route is already decided (approval, then the position),
 * answering with the request's task; otherwise it is the position's task.
 */
export async function askPosition(
  input: Omit<StartTaskInput, "agent" | "positionId"> & { positionId: string },
): Promise<StartedTask & { gated: boolean }> {
  const position = await db.position.findFirst({
    where: { id: input.positionId, orgId: input.orgId },
    select: { department: { select: { slug: true, approvalPolicy: true } } },
  });
  if (!position) throw new DomainError("not_found", "No such position in this organization.");
  const asTask = async () => ({ ...(await startTask({ ...input, agent: { id: "" } })), gated: false });
  if (position.department.approvalPolicy === "NONE") return asTask();
  const departments = await loadManagerDepartments(input.orgId);
  const staff = staffById(departments);
  // Paused or ended: startTask says why.
  if (!staff.has(input.positionId)) return asTask();
  const request = messageText(input.message).trim();
  const parts = finalizeParts(
    [
      {
        key: "asked",
        text: request,
        positionId: input.positionId,
        dependsOn: [],
        reason: "Asked for this position by name.",
      },
    ],
    staff,
  );
  if (!parts[0]!.needsApproval) return asTask();
  const decision = decisionFromParts(parts, { request, staff, departments }, { planReason: "", matchedTerms: [] });
  const decided: StoredDecision = {
    turn: 1,
    record: { manager: "deterministic" },
    decision,
    request,
    decidedAt: new Date().toISOString(),
    direct: true,
  };
  const started = await askDepartment({
    orgId: input.orgId,
    departmentSlug: position.department.slug,
    message: input.message,
    actor: input.actor,
    source: input.source,
    contextId: input.contextId,
    parent: input.parent,
    decided,
  });
  return { ...started, gated: true };
}
