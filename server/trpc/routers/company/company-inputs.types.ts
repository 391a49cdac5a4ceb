import { z } from "zod";
import { zCursor, zId, zPageSize, zSlug } from "../../../schemas/primitives";
import {
  MAX_DEPARTMENT_LEADS,
  ZApprovalOverCreditsSchema,
  ZApprovalPolicySchema,
  ZDelegationBudgetSchema,
  ZDepartmentNameSchema,
  ZInstructionsSchema,
  ZMissionSchema,
  ZMonthlyCapSchema,
  ZPerTaskCeilingSchema,
  ZPlanAutoRunCreditsSchema,
  ZPositionTitleSchema,
} from "../../../services/company/departments/company-limits.types";

/** The company procedures' inputs (the orgId of orgProcedure is merged in); forms reuse them. */

export const ZChartRequestSchema = z.object({ includeArchived: z.boolean().default(false) });
export const ZDepartmentRequestSchema = z.object({ slug: zSlug });
export const ZDepartmentTasksRequestSchema = z.object({
  slug: zSlug,
  cursor: zCursor.nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});

export const ZIdRequestSchema = z.object({ id: zId });

export const ZCreateDepartmentRequestSchema = z.object({
  name: ZDepartmentNameSchema,
  mission: ZMissionSchema.optional(),
  /** A team: the department it sits under. */
  parentId: zId.nullish(),
});
export const ZCreateDepartmentResponseSchema = z.object({ id: z.string(), slug: z.string() });

export const ZUpdateDepartmentRequestSchema = z.object({
  id: zId,
  name: ZDepartmentNameSchema.optional(),
  mission: ZMissionSchema.optional(),
  approvalPolicy: ZApprovalPolicySchema.optional(),
  approvalOverCredits: ZApprovalOverCreditsSchema.nullable().optional(),
  planAutoRunCredits: ZPlanAutoRunCreditsSchema.optional(),
  /** null: Bureau's own manager. */
  managerPositionId: zId.nullable().optional(),
});

export const ZMoveDepartmentRequestSchema = z.object({ id: zId, parentId: zId.nullable() });

export const ZSetLeadsRequestSchema = z.object({
  id: zId,
  userIds: z.array(zId).max(MAX_DEPARTMENT_LEADS, `A department has at most ${MAX_DEPARTMENT_LEADS} leads.`),
});

export const ZSetDepartmentBudgetRequestSchema = z.object({
  id: zId,
  /** null removes the budget. */
  monthlyCapCredits: ZMonthlyCapSchema.nullable(),
});
export const ZSetDepartmentBudgetResponseSchema = z.object({ changed: z.boolean() });

export const ZHireRequestSchema = z.object({
  departmentId: zId,
  agent: z.union([z.object({ id: zId }), z.object({ slug: zSlug })]),
  title: ZPositionTitleSchema.optional(),
  instructions: ZInstructionsSchema.optional(),
  perTaskCeilingCredits: ZPerTaskCeilingSchema.nullable().optional(),
  delegationBudgetCredits: ZDelegationBudgetSchema.nullable().optional(),
});
export const ZHireResponseSchema = z.object({ id: z.string() });

export const ZUpdatePositionRequestSchema = z.object({
  id: zId,
  title: ZPositionTitleSchema.optional(),
  instructions: ZInstructionsSchema.optional(),
  /** null removes the ceiling. */
  perTaskCeilingCredits: ZPerTaskCeilingSchema.nullable().optional(),
  /** null: the default, 5x each task's price. */
  delegationBudgetCredits: ZDelegationBudgetSchema.nullable().optional(),
});

export const ZMovePositionRequestSchema = z.object({ id: zId, departmentId: zId });
