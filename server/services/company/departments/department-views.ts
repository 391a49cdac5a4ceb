import "server-only";
import type { ApprovalPolicyKind, PositionStatus } from "../../../generated/prisma/enums";
import type { Prisma } from "../../../generated/prisma/client";
import type { DepartmentMonth } from "./department-month";

export const POSITION_SELECT = {
  id: true,
  departmentId: true,
  title: true,
  status: true,
  instructions: true,
  perTaskCeilingCredits: true,
  delegationBudgetCredits: true,
  createdAt: true,
  endedAt: true,
  agent: { select: { id: true, slug: true, name: true, iconUrl: true, pricePerTask: true } },
} satisfies Prisma.PositionSelect;

/** What the chart and a department page read of each department (leads: only those still members). */
export const departmentSelect = (orgId: string) =>
  ({
    id: true,
    slug: true,
    name: true,
    mission: true,
    parentId: true,
    archivedAt: true,
    approvalPolicy: true,
    approvalOverCredits: true,
    planAutoRunCredits: true,
    managerPositionId: true,
    createdAt: true,
    leads: {
      where: { user: { members: { some: { organizationId: orgId } } } },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { id: true, name: true, email: true } } },
    },
    positions: {
      where: { status: { in: ["ACTIVE", "PAUSED"] } },
      orderBy: { createdAt: "asc" },
      select: POSITION_SELECT,
    },
  }) satisfies Prisma.DepartmentSelect;

type PositionRow = Prisma.PositionGetPayload<{ select: typeof POSITION_SELECT }>;
type DepartmentRow = Prisma.DepartmentGetPayload<{ select: ReturnType<typeof departmentSelect> }>;

export interface PositionView {
  id: string;
  departmentId: string;
  title: string;
  status: PositionStatus;
  instructions: string;
  perTaskCeilingCredits: number | null;
  delegationBudgetCredits: number | null;
  createdAt: Date;
  endedAt: Date | null;
  agent: { id: string; slug: string; name: string; iconUrl: string | null; priceCredits: number };
}

export interface DepartmentView {
  id: string;
  slug: string;
  name: string;
  mission: string;
  parentId: string | null;
  archivedAt: Date | null;
  approvalPolicy: ApprovalPolicyKind;
  approvalOverCredits: number | null;
  planAutoRunCredits: number;
  managerPositionId: string | null;
  createdAt: Date;
  budget: { capCredits: number | null };
  month: DepartmentMonth;
  leads: { userId: string; name: string; email: string }[];
  positions: PositionView[];
}

export const toPositionView = ({ agent, ...row }: PositionRow): PositionView => ({
  ...row,
  agent: { id: agent.id, slug: agent.slug, name: agent.name, iconUrl: agent.iconUrl, priceCredits: agent.pricePerTask },
});

export function toDepartmentView(
  row: DepartmentRow,
  facts: { capCredits: number | null; month: DepartmentMonth | undefined },
): DepartmentView {
  const { leads, positions, ...department } = row;
  return {
    ...department,
    budget: { capCredits: facts.capCredits },
    month: facts.month ?? { spentCredits: 0, rolledUpSpentCredits: 0, tasks: 0 },
    leads: leads.map(({ user }) => ({ userId: user.id, name: user.name, email: user.email })),
    positions: positions.map(toPositionView),
  };
}
