import "server-only";
import type { z } from "zod";
import type { CompanyActor } from "../../../services/company/departments/company-actor";
import type { DepartmentDetail } from "../../../services/company/departments/get-department";
import type { DepartmentView, PositionView } from "../../../services/company/departments/department-views";
import type { PositionListItem } from "../../../services/company/positions/list-positions";
import type { ApiKeyPrincipal } from "../../../services/api-keys/authenticate-api-key";
import type {
  ZRestDepartmentDetailSchema,
  ZRestDepartmentSchema,
  ZRestPositionListItemSchema,
  ZRestPositionSchema,
} from "./company-schemas";

/**
 * The company services' views as the API writes them: every field named (a
 * column added to a view stays private until it is added here and to the
 * schema), dates as ISO strings.
 */

export const keyActor = (principal: ApiKeyPrincipal): CompanyActor => ({
  kind: "apiKey",
  apiKeyId: principal.keyId,
  scopes: principal.scopes,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const positionJson = (p: PositionView): z.input<typeof ZRestPositionSchema> => ({
  id: p.id,
  departmentId: p.departmentId,
  title: p.title,
  status: p.status,
  instructions: p.instructions,
  perTaskCeilingCredits: p.perTaskCeilingCredits,
  delegationBudgetCredits: p.delegationBudgetCredits,
  hiredAt: p.createdAt.toISOString(),
  endedAt: iso(p.endedAt),
  agent: {
    id: p.agent.id,
    slug: p.agent.slug,
    name: p.agent.name,
    iconUrl: p.agent.iconUrl,
    priceCredits: p.agent.priceCredits,
  },
});

export const positionListItemJson = (p: PositionListItem): z.input<typeof ZRestPositionListItemSchema> => ({
  ...positionJson(p),
  department: { id: p.department.id, slug: p.department.slug, name: p.department.name },
});

export const departmentJson = (d: DepartmentView): z.input<typeof ZRestDepartmentSchema> => ({
  id: d.id,
  slug: d.slug,
  name: d.name,
  mission: d.mission,
  parentId: d.parentId,
  archivedAt: iso(d.archivedAt),
  approvalPolicy: d.approvalPolicy,
  approvalOverCredits: d.approvalOverCredits,
  planAutoRunCredits: d.planAutoRunCredits,
  managerPositionId: d.managerPositionId,
  createdAt: d.createdAt.toISOString(),
  budget: { monthlyCapCredits: d.budget.capCredits },
  month: {
    spentCredits: d.month.spentCredits,
    rolledUpSpentCredits: d.month.rolledUpSpentCredits,
    tasks: d.month.tasks,
  },
  leads: d.leads.map((l) => ({ userId: l.userId, name: l.name, email: l.email })),
  positions: d.positions.map(positionJson),
});

export const departmentDetailJson = (d: DepartmentDetail): z.input<typeof ZRestDepartmentDetailSchema> => ({
  ...departmentJson(d),
  children: d.children,
  parent: d.parent ? { id: d.parent.id, slug: d.parent.slug, name: d.parent.name } : null,
  pendingApprovals: d.pendingApprovals,
});
