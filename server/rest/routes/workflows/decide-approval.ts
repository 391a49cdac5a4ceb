import "server-only";
import { DomainError } from "../../../errors";
import { decideApproval as decide } from "../../../services/workflows/decide-approval";
import { defineRoute } from "../../route";
import { ZApprovalSchema, ZDecideApprovalBodySchema } from "./approval-schemas";
import { approvalJson, keyActor } from "./views";
import { ZIdParamsSchema } from "./workflow-schemas";

export const decideApproval = defineRoute({
  method: "post",
  path: "/api/v1/approvals/{id}",
  operationId: "decideApproval",
  summary: "Approve or reject",
  description:
    "Decides a pending approval, once: the run waiting on it goes on (approve) or fails at that step " +
    "(reject), and its later steps can read the comment. The decision is recorded as this API key's.",
  tag: "Approvals",
  access: { kind: "apiKey", scope: "approvals:write" },
  params: ZIdParamsSchema,
  body: ZDecideApprovalBodySchema,
  notFound: () => new DomainError("not_found", "Approval not found."),
  errors: {
    404: "`not_found`: no approval of the key's org has this id.",
    409: "`conflict`: it was already decided (the message says how, by whom and when) or it expired.",
    412: "`already_finished`: its deadline passed, or the run waiting on it ended.",
  },
  responses: { 200: { description: "The decided approval.", schema: ZApprovalSchema } },
  handler: async ({ principal, params, body }) => {
    const approval = await decide({
      orgId: principal.orgId,
      actor: keyActor(principal),
      approvalId: params.id,
      decision: body.decision,
      comment: body.comment ?? null,
    });
    return { status: 200, body: approvalJson({ ...approval, canDecide: false }) };
  },
});
