import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readableDepartments, type KnowledgeAccess } from "./knowledge-access";

/**
 * The scope rule as a SQL condition on an entity alias: org-wide entities,
 * and those of the departments in the actor's read reach (every department
 * for owners and admins). Every raw query of the graph ANDs it in.
 */
export function visibleEntitySql(access: KnowledgeAccess, alias: string): Prisma.Sql {
  const departments = readableDepartments(access);
  const column = Prisma.raw(`"${alias}"."departmentId"`);
  if (departments === null) return Prisma.sql`TRUE`;
  if (departments.length === 0) return Prisma.sql`${column} IS NULL`;
  return Prisma.sql`(${column} IS NULL OR ${column} = ANY(${departments}::text[]))`;
}

/** The same rule as a Prisma where on KnowledgeEntity. */
export function visibleEntityWhere(access: KnowledgeAccess): Prisma.KnowledgeEntityWhereInput {
  const departments = readableDepartments(access);
  if (departments === null) return { orgId: access.orgId };
  return { orgId: access.orgId, OR: [{ departmentId: null }, { departmentId: { in: departments } }] };
}
