import "server-only";
import { z } from "zod";
import { ApprovalPolicyKind, PositionStatus } from "../../../generated/prisma/enums";
import { zSlug } from "../../../schemas/primitives";
import { zDateTime } from "../../schemas";
import { zPageCursor, zPageLimit } from "../workflows/workflow-schemas";

/** What GET /api/v1/departments and /api/v1/positions read and answer. */

const credits = z.int();

export const ZRestPositionSchema = z
  .object({
    id: z.string(),
    departmentId: z.string(),
    title: z.string(),
    status: z.enum(PositionStatus).meta({
      description: "ACTIVE takes tasks; PAUSED stays on the chart and takes none; ENDED: the hire is over.",
    }),
    instructions: z.string().meta({ description: "Standing instructions, given to the agent ahead of every task." }),
    perTaskCeilingCredits: credits
      .nullable()
      .meta({ description: "A task priced above this is refused (`position_ceiling`); null: no ceiling." }),
    delegationBudgetCredits: credits
      .nullable()
      .meta({ description: "What the agent may spend delegating onward per task; null: 5x the task's price." }),
    hiredAt: zDateTime,
    endedAt: zDateTime.nullable(),
    agent: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      iconUrl: z.string().nullable(),
      priceCredits: credits.meta({ description: "Each task's price, billed per task (hiring is free)." }),
    }),
  })
  .meta({ id: "Position", description: "A marketplace agent hired into a department." });

export const ZRestPositionListItemSchema = ZRestPositionSchema.extend({
  department: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
}).meta({ id: "PositionListItem" });

export const ZRestDepartmentSchema = z
  .object({
    id: z.string(),
    slug: z.string().meta({ description: "Its address: /api/v1/departments/{slug}, /api/a2a/departments/{slug}." }),
    name: z.string(),
    mission: z.string(),
    parentId: z.string().nullable().meta({ description: "The department this team sits under; null: top level." }),
    archivedAt: zDateTime.nullable(),
    approvalPolicy: z.enum(ApprovalPolicyKind).meta({
      description: "Which tasks wait for a lead: none, those priced over `approvalOverCredits`, or every task.",
    }),
    approvalOverCredits: credits.nullable(),
    planAutoRunCredits: credits.meta({
      description: "A manager's plan estimated above this waits for a lead to accept it.",
    }),
    managerPositionId: z
      .string()
      .nullable()
      .meta({ description: "One of its positions acting as its manager; null: Bureau's manager." }),
    createdAt: zDateTime,
    budget: z.object({
      monthlyCapCredits: credits.nullable().meta({ description: "Its monthly budget; null: none." }),
    }),
    month: z
      .object({
        spentCredits: credits.meta({ description: "Its own tasks' credits captured or on hold this UTC month." }),
        rolledUpSpentCredits: credits.meta({
          description: "The same with every team below it: what its monthly budget counts.",
        }),
        tasks: z.int().meta({ description: "Its own tasks started this UTC month." }),
      })
      .meta({ description: "This UTC month." }),
    leads: z
      .array(z.object({ userId: z.string(), name: z.string(), email: z.string() }))
      .meta({ description: "The members who decide its approvals and accept its plans." }),
    positions: z.array(ZRestPositionSchema).meta({ description: "Its active and paused positions." }),
  })
  .meta({
    id: "Department",
    description:
      "A department or, under a parent, a team. Budgets roll up: a team's task counts against the team, " +
      "every department above it and the org's cap.",
  });

export const ZRestDepartmentDetailSchema = ZRestDepartmentSchema.extend({
  children: z.array(z.string()).meta({ description: "The ids of its teams that are not archived." }),
  parent: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  pendingApprovals: z.int().meta({ description: "Approvals still waiting on a lead for its tasks." }),
}).meta({ id: "DepartmentDetail" });

const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

export const ZDepartmentListQuerySchema = z.object({
  includeArchived: bool.optional().meta({ description: "Include archived departments (default false)." }),
  cursor: zPageCursor,
  limit: zPageLimit,
});

export const ZPositionListQuerySchema = z.object({
  department: zSlug.optional().meta({ description: "Only this department's positions (by slug; not its teams')." }),
  status: z
    .enum(["active", "paused", "ended"], { error: "must be active, paused or ended" })
    .optional()
    .meta({ description: "Only positions in this status." }),
  cursor: zPageCursor,
  limit: zPageLimit,
});

export const ZSlugParamsSchema = z.object({
  slug: zSlug.meta({ description: "The department's slug.", example: "marketing" }),
});
