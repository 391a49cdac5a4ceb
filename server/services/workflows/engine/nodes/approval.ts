import "server-only";
import { db } from "../../../../db";
import { renderTemplate } from "../../graph/expressions";
import { createApproval } from "../../create-approval";
import { scopeOf, withExpressions, type NodeExecutor } from "../node-context";
import { remainingWork } from "../remaining-work";
import { writeStep } from "../step-rows";
import { noteRequestProgress } from "../../../company/requests/request-progress";

const HOUR_MS = 3_600_000;

/**
 * Opens the approval and leaves the step WAITING. The run function then waits
 * for `workflow/run.wake` between waves (step.waitForEvent: no process or
 * step is held while people decide), with the deadline as its timeout; each
 * plan reads the approval and applies a decision or the deadline's outcome
 * (approval-outcome.ts).
 */
export const runApproval: NodeExecutor<"approval"> = async (ctx) => {
  const { run, node, at } = ctx;
  const fresh = ctx.row?.state !== "WAITING";
  const scope = await scopeOf(ctx);
  const rendered = await withExpressions(ctx, "config.template", () => renderTemplate(node.config.template, scope));
  if (!rendered.ok) return;
  const row = fresh ? await writeStep(run, at, { to: "WAITING", from: ["PENDING"], data: null }) : ctx.row;
  if (!row) return;
  const [work, workflow] = await Promise.all([
    remainingWork(run.orgId, run.graph, node.id),
    run.workflowId ? db.workflow.findUnique({ where: { id: run.workflowId }, select: { name: true } }) : null,
  ]);
  const open = () =>
    createApproval({
      orgId: run.orgId,
      runId: run.id,
      stepRunId: row.id,
      title: node.name,
      subject: {
        kind: "workflow_step",
        workflowId: run.workflowId,
        workflowName: workflow?.name.slice(0, 200) ?? null,
        nodeId: node.id,
        nodeName: node.name,
        text: rendered.value.slice(0, 40_000),
        priceCredits: work.priceCredits,
        spentCredits: Math.max(0, run.spentCredits),
        positions: work.positions,
      },
      approverRoles: node.config.approvers.roles,
      approverUserIds: node.config.approvers.userIds,
      deadlineAt: new Date(Date.now() + node.config.deadlineHours * HOUR_MS),
      onTimeout: node.config.onTimeout === "approve" ? "APPROVE" : "REJECT",
    });
  const { approval, created } = await open();
  if (fresh)
    await noteRequestProgress(
      run.id,
      `Waiting for ${await approversText(approval.approverUserIds, approval.approverRoles)} to approve “${node.name}”.`,
      { waiting: true },
    );
  // A retried run asks again: the step's earlier, decided approval stays as history without the link.
  if (fresh && !created && approval.state !== "PENDING") {
    await db.approval.updateMany({ where: { id: approval.id, stepRunId: row.id }, data: { stepRunId: null } });
    await open();
  }
};

/** Who may decide, in words: the named members, then the roles ("Dana Lee or an owner or admin"). */
async function approversText(userIds: string[], roles: string[]): Promise<string> {
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { name: true, email: true } })
    : [];
  const people = users.map((u) => u.name || u.email);
  const article = roles[0] === "member" ? "a" : "an";
  const who = [...people, ...(roles.length ? [`${article} ${roles.join(" or ")}`] : [])];
  return who.join(" or ") || "an owner or admin";
}
