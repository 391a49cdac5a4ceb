import { z } from "zod";
import { ApprovalPolicyKind, PositionStatus, TaskKind, TaskState } from "../../../generated/prisma/enums";

/** The shapes the company procedures answer with (the /company UI's types come from these). */

export const ZPositionSchema = z.object({
  id: z.string(),
  departmentId: z.string(),
  title: z.string(),
  status: z.enum(PositionStatus),
  instructions: z.string(),
  perTaskCeilingCredits: z.number().int().nullable(),
  delegationBudgetCredits: z.number().int().nullable(),
  createdAt: z.date(),
  endedAt: z.date().nullable(),
  agent: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    iconUrl: z.string().nullable(),
    priceCredits: z.number().int(),
  }),
});

export const ZDepartmentSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  mission: z.string(),
  parentId: z.string().nullable(),
  archivedAt: z.date().nullable(),
  approvalPolicy: z.enum(ApprovalPolicyKind),
  approvalOverCredits: z.number().int().nullable(),
  planAutoRunCredits: z.number().int(),
  managerPositionId: z.string().nullable(),
  createdAt: z.date(),
  budget: z.object({ capCredits: z.number().int().nullable() }),
  /**
   * This UTC month: spentCredits is the department's own tasks (captured +
   * held), rolledUpSpentCredits adds every team below it (what its budget
   * counts), tasks is its own tasks started.
   */
  month: z.object({
    spentCredits: z.number().int(),
    rolledUpSpentCredits: z.number().int(),
    tasks: z.number().int(),
  }),
  leads: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  /** Active and paused positions, oldest hire first. */
  positions: z.array(ZPositionSchema),
});

export const ZChartResponseSchema = z.object({
  org: z.object({ capCredits: z.number().int().nullable(), spentCredits: z.number().int() }),
  departments: z.array(ZDepartmentSchema),
});

export const ZDepartmentDetailSchema = ZDepartmentSchema.extend({
  children: z.array(z.string()),
  parent: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  pendingApprovals: z.number().int(),
});

export const ZDepartmentTaskSchema = z.object({
  id: z.string(),
  state: z.enum(TaskState),
  kind: z.enum(TaskKind),
  price: z.number().int(),
  createdAt: z.date(),
  agentName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  summary: z.string(),
});

export const ZDepartmentTasksResponseSchema = z.object({
  items: z.array(ZDepartmentTaskSchema),
  nextCursor: z.string().nullable(),
});

/** What a change answers: the record's id, and false when it was already so (nothing written). */
export const ZChangeResponseSchema = z.object({ id: z.string(), changed: z.boolean() });

export const ZMembersResponseSchema = z.array(
  z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string() }),
);
