import "server-only";
import { z } from "zod";
import { DomainError } from "../../errors";
import { APPROVAL_COMMENT_MAX_LENGTH } from "../../schemas/workflow-approvals";
import { zCursor, zId } from "../../schemas/primitives";
import { decideApproval } from "../../services/workflows/decide-approval";
import { listApprovals } from "../../services/workflows/list-approvals";
import { workflowActor } from "../principal";
import { defineTool } from "./tool";

const ZApprovalSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.string(),
  text: z.string().meta({ description: "What exactly is approved, as the approvers read it." }),
  priceCredits: z.number().int().nullable(),
  deadlineAt: z.string(),
  canDecide: z.boolean().meta({ description: "Whether you may decide it now." }),
  runId: z.string().nullable(),
});

export const listApprovalsTool = defineTool({
  name: "list_approvals",
  grantKey: "list_approvals",
  title: "List approvals",
  description:
    "Approvals of the org, newest first: what each one approves, its price and deadline, and whether you may " +
    "decide it. `pending` (the default) lists those still waiting; a person sees the ones they may decide unless " +
    "`all` is asked (owners and admins).",
  input: z.object({
    state: z.enum(["pending", "approved", "rejected", "expired"]).default("pending"),
    scope: z.enum(["mine", "all"]).default("mine"),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: zCursor.optional(),
  }),
  output: z.object({ approvals: z.array(ZApprovalSchema), nextCursor: z.string().nullable() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  scopes: ["approvals:write", "workflows:read"],
  call: async (args, ctx) => {
    const page = await listApprovals({
      orgId: ctx.principal.orgId,
      actor: workflowActor(ctx.principal),
      state: args.state.toUpperCase() as "PENDING" | "APPROVED" | "REJECTED" | "EXPIRED",
      // Keys are not members: they see every approval of the org, as over REST.
      scope: ctx.principal.kind === "apiKey" ? "all" : args.scope,
      cursor: args.cursor ?? null,
      limit: args.limit,
    });
    const approvals = page.items.map((a) => ({
      id: a.id,
      title: a.title,
      state: a.state,
      text: a.subject.text,
      priceCredits: a.subject.priceCredits,
      deadlineAt: a.deadlineAt.toISOString(),
      // A key may list approvals but never decide them here (decide_approval needs a person).
      canDecide: ctx.principal.kind === "user" && a.canDecide,
      runId: a.runId,
    }));
    return {
      text: approvals.length
        ? approvals
            .map((a) => `- ${a.id} ${a.state} "${a.title}"${a.canDecide ? " (you may decide it)" : ""}`)
            .join("\n")
        : "No approvals match.",
      structured: { approvals, nextCursor: page.nextCursor },
    };
  },
});

export const decideApprovalTool = defineTool({
  name: "decide_approval",
  grantKey: "decide_approval",
  title: "Approve or reject",
  description:
    "Approves or rejects a pending approval you are an approver of, with an optional comment: the run waiting " +
    "on it goes on, or fails at that step. A person decides: it needs a user-bound OAuth token (an API key " +
    "cannot approve).",
  input: z.object({
    approvalId: zId,
    decision: z.enum(["approve", "reject"]),
    comment: z.string().max(APPROVAL_COMMENT_MAX_LENGTH).optional(),
  }),
  output: z.object({
    id: z.string(),
    state: z.string(),
    decidedAt: z.string().nullable(),
    comment: z.string().nullable(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  scopes: ["approvals:write"],
  call: async (args, ctx) => {
    if (ctx.principal.kind !== "user")
      throw new DomainError(
        "forbidden",
        "An API key cannot approve: an approval is a person's decision. Connect this client with OAuth (a " +
          "user-bound token: Settings → Connect an MCP client) or decide it in Bureau's Approvals inbox.",
      );
    const approval = await decideApproval({
      orgId: ctx.principal.orgId,
      actor: workflowActor(ctx.principal),
      approvalId: args.approvalId,
      decision: args.decision,
      comment: args.comment ?? null,
    });
    return {
      text: `"${approval.title}" is ${approval.state.toLowerCase()}.`,
      structured: {
        id: approval.id,
        state: approval.state,
        decidedAt: approval.decidedAt?.toISOString() ?? null,
        comment: approval.comment,
      },
    };
  },
});
