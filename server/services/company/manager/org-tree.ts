import "server-only";
import { DomainError } from "../../../errors";
import type { ApprovalPolicy, ManagerDepartment, ManagerInput, ManagerPosition } from "./types";

/** A position with the department it works in. */
export interface Staffed {
  position: ManagerPosition;
  department: ManagerDepartment;
}

/** Every position of the tree by id. */
export function staffById(departments: ManagerDepartment[]): Map<string, Staffed> {
  const staff = new Map<string, Staffed>();
  for (const department of departments) {
    for (const position of department.positions) staff.set(position.positionId, { position, department });
  }
  return staff;
}

/** The department whose manager answers, or null for the company; an unknown slug is a clear error. */
export function scopeDepartment(input: ManagerInput): ManagerDepartment | null {
  if (input.scope.kind === "company") return null;
  const slug = input.scope.slug;
  const department = input.departments.find((d) => d.slug === slug);
  if (!department) throw new DomainError("department_not_found", `There is no active department "${slug}".`);
  return department;
}

/** The department and its teams, at any depth (its own staff, from its manager's point of view). */
export function subtreeSlugs(departments: ManagerDepartment[], slug: string): Set<string> {
  const slugs = new Set([slug]);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of departments) {
      if (d.parentSlug && slugs.has(d.parentSlug) && !slugs.has(d.slug)) {
        slugs.add(d.slug);
        grew = true;
      }
    }
  }
  return slugs;
}

/** The department's name after its ancestors': "Marketing/Content" for the Content team. */
export function departmentLabel(department: ManagerDepartment, departments: ManagerDepartment[]): string {
  const names = [department.name];
  for (let slug = department.parentSlug; slug && names.length <= departments.length;) {
    const parent = departments.find((d) => d.slug === slug);
    if (!parent) break;
    names.unshift(parent.name);
    slug = parent.parentSlug;
  }
  return names.join("/");
}

/** Whether the policy makes a task at this price wait for a lead. */
export function policyGates(policy: ApprovalPolicy, priceCredits: number): boolean {
  return policy.kind === "every" || (policy.kind === "over" && priceCredits > policy.credits);
}

export function describePolicy(policy: ApprovalPolicy): string {
  return policy.kind === "every"
    ? "approves every task"
    : policy.kind === "over"
      ? `approves tasks over ${policy.credits} credits`
      : "approves nothing in advance";
}

/** Who decides the department's approvals: its leads, or the org's owners and admins when it has none. */
export function approversOf(department: ManagerDepartment): { roles: ("owner" | "admin")[]; userIds: string[] } {
  return department.leadUserIds.length
    ? { roles: [], userIds: [...department.leadUserIds] }
    : { roles: ["owner", "admin"], userIds: [] };
}
