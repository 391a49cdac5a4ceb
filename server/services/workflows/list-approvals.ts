import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { ApprovalState } from "../../generated/prisma/enums";
import { hasRole } from "../../auth/roles";
import { APPROVAL_SELECT, mayDecide, toApprovalView, type ApprovalView } from "./approval-views";
import { ACTIVE_RUN_STATES } from "./run-views";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

export interface ListApprovalsInput {
  orgId: string;
  actor: WorkflowActor;
  state?: ApprovalState | null;
  /**
   * "mine": what the caller may decide (their role or their user id), the
   * inbox. "all": every approval of the org, for owners, admins and API keys;
   * for anyone else "all" is theirs.
   */
  scope: "mine" | "all";
  cursor?: string | null;
  limit: number;
}

export type ListedApproval = ApprovalView & { canDecide: boolean };

/**
 * Approvals, newest first, a page at a time (cursor = the last id seen), each
 * with whether the caller may decide it now. Pending approvals of runs that
 * already ended (a cancelled run) are not listed as pending: nobody can
 * decide them any more.
 */
export async function listApprovals(
  input: ListApprovalsInput,
): Promise<{ items: ListedApproval[]; nextCursor: string | null }> {
  const { role } = await authorizeWorkflowActor(input.orgId, input.actor, "readApprovals");
  const member = input.actor.kind === "user" && role ? { userId: input.actor.userId, role } : null;
  const seesAll = input.scope === "all" && (member === null || hasRole(member.role, "admin"));
  const and: Prisma.ApprovalWhereInput[] = [];
  if (member && !seesAll)
    and.push({ OR: [{ approverRoles: { has: member.role } }, { approverUserIds: { has: member.userId } }] });
  if (input.state === "PENDING")
    and.push({ OR: [{ runId: null }, { run: { state: { in: [...ACTIVE_RUN_STATES] } } }] });
  const rows = await db.approval.findMany({
    where: {
      orgId: input.orgId,
      ...(input.state ? { state: input.state } : {}),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
      AND: and,
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: APPROVAL_SELECT,
  });
  const page = rows.slice(0, input.limit);
  const now = Date.now();
  return {
    items: page.map((row) => {
      const view = toApprovalView(row);
      const open = view.state === "PENDING" && view.deadlineAt.getTime() > now && isRunOpen(view);
      const allowed = member ? mayDecide(view, member) : keyMayDecide(input.actor);
      return { ...view, canDecide: open && allowed };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export const isRunOpen = (view: { run: { state: string } | null }) =>
  view.run === null || (ACTIVE_RUN_STATES as readonly string[]).includes(view.run.state);

const keyMayDecide = (actor: WorkflowActor) => actor.kind === "apiKey" && actor.scopes.includes("approvals:write");
