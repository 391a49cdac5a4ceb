import "server-only";
import { db } from "../../../db";
import { relevantObservations } from "../../knowledge/company-memory";
import type { ApprovalPolicy, ManagerDepartment, ManagerInput } from "../manager/types";

/** What a department's policy says, in the manager's terms. */
export function approvalPolicyOf(d: { approvalPolicy: string; approvalOverCredits: number | null }): ApprovalPolicy {
  if (d.approvalPolicy === "EVERY") return { kind: "every" };
  if (d.approvalPolicy === "OVER" && d.approvalOverCredits !== null)
    return { kind: "over", credits: d.approvalOverCredits };
  return { kind: "none" };
}

/**
 * The org's active tree as the manager reads it: every department that is
 * not archived, with its ACTIVE positions and their agents' skills. (A
 * company of tens of departments and a few hundred positions is one query
 * of a few hundred rows.)
 */
export async function loadManagerDepartments(orgId: string): Promise<ManagerDepartment[]> {
  const departments = await db.department.findMany({
    where: { orgId, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      mission: true,
      approvalPolicy: true,
      approvalOverCredits: true,
      parent: { select: { slug: true } },
      leads: { select: { userId: true }, orderBy: { createdAt: "asc" } },
      positions: {
        where: { status: "ACTIVE" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          instructions: true,
          agent: {
            select: {
              slug: true,
              name: true,
              description: true,
              pricePerTask: true,
              skills: {
                orderBy: { position: "asc" },
                select: { name: true, description: true, tags: true, examples: true },
              },
            },
          },
        },
      },
    },
  });
  return departments.map((d) => ({
    id: d.id,
    slug: d.slug,
    name: d.name,
    mission: d.mission,
    parentSlug: d.parent?.slug ?? null,
    approvalPolicy: approvalPolicyOf(d),
    leadUserIds: d.leads.map((l) => l.userId),
    positions: d.positions.map((p) => ({
      positionId: p.id,
      title: p.title,
      instructions: p.instructions,
      agent: {
        slug: p.agent.slug,
        name: p.agent.name,
        description: p.agent.description,
        priceCredits: p.agent.pricePerTask,
        skills: p.agent.skills,
      },
    })),
  }));
}

/**
 * The manager's input: the tree, and what the knowledge graph holds that
 * bears on the request (what the asking department, or the company, may see).
 */
export async function loadManagerInput(
  orgId: string,
  scope: ManagerInput["scope"],
  request: string,
): Promise<ManagerInput> {
  const departments = await loadManagerDepartments(orgId);
  const departmentId =
    scope.kind === "department" ? (departments.find((d) => d.slug === scope.slug)?.id ?? null) : null;
  const observations = await relevantObservations(orgId, departmentId, request, 8);
  return {
    request,
    scope,
    departments,
    knowledge: observations.map((o) => ({ entity: o.entity.name, text: o.text })),
  };
}
