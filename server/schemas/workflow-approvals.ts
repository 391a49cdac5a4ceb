import { z } from "zod";

/**
 * What an approval asks a person to decide on (Approval.subject), shared by
 * the engine that writes it, the services that read it and the inbox that
 * shows it. "Exactly what is approved": the step, the text the approvers
 * read (rendered from the node's template), the price at stake and the
 * positions involved. A discriminated union so department policies and plans
 * (issue 13) add their own kinds.
 */
export const ZApprovalSubjectSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("workflow_step"),
    workflowId: z.string().max(64).nullable(),
    workflowName: z.string().max(200).nullable(),
    nodeId: z.string().max(40),
    nodeName: z.string().max(120),
    /** The node's template rendered over the run so far: what the approvers read. */
    text: z.string().max(40_000),
    /** Estimated credits the run will spend after this approval (its remaining agent steps); null if unknown. */
    priceCredits: z.number().int().nonnegative().nullable(),
    /** What the run has spent so far. */
    spentCredits: z.number().int().nonnegative(),
    /** Hired positions (or listings) the approved work goes to. */
    positions: z
      .array(z.strictObject({ id: z.string().max(100), title: z.string().max(200) }))
      .max(50)
      .default([]),
  }),
]);

export type ApprovalSubject = z.infer<typeof ZApprovalSubjectSchema>;
export type ApprovalSubjectInput = z.input<typeof ZApprovalSubjectSchema>;

/** Where a failed run or step says it failed: the node, and the character of its template or expression. */
export const ZRunErrorSchema = z.object({
  message: z.string(),
  nodeId: z.string().nullable().default(null),
  /** Which of the node's fields ("template", "expression", "items"), when the failure is in one. */
  field: z.string().nullable().default(null),
  position: z
    .object({ line: z.number().int(), column: z.number().int(), offset: z.number().int().optional() })
    .nullable()
    .default(null),
});
export type RunError = z.infer<typeof ZRunErrorSchema>;

export const APPROVAL_COMMENT_MAX_LENGTH = 2_000;
