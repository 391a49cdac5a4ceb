import "server-only";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import type { PositionStatus } from "../../../generated/prisma/enums";
import type { Prisma } from "../../../generated/prisma/client";
import { authorizeCompanyActor, type CompanyActor } from "../departments/company-actor";
import { DEPARTMENT_NOT_FOUND } from "../departments/department-tree";
import { POSITION_SELECT, toPositionView, type PositionView } from "../departments/department-views";
import { afterCreated, decodeCreatedCursor, encodeCreatedCursor } from "../departments/created-cursor";

export interface PositionListItem extends PositionView {
  department: { id: string; slug: string; name: string };
}

/**
 * The org's positions, most recently hired first, a page at a time; only
 * one department's (by slug, its teams' not included) or one status's when
 * asked. An unknown department slug is not found rather than an empty page.
 */
export async function listPositions(input: {
  orgId: string;
  actor: CompanyActor;
  departmentSlug?: string | null;
  status?: PositionStatus | null;
  cursor?: string | null;
  limit: number;
}): Promise<{ items: PositionListItem[]; nextCursor: string | null }> {
  await authorizeCompanyActor(input.orgId, input.actor, "read");
  const after = input.cursor ? decodeCreatedCursor(input.cursor) : null;
  let departmentId: string | undefined;
  if (input.departmentSlug) {
    const department = await db.department.findFirst({
      where: { orgId: input.orgId, slug: input.departmentSlug },
      select: { id: true },
    });
    if (!department) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
    departmentId = department.id;
  }
  const where: Prisma.PositionWhereInput = {
    orgId: input.orgId,
    ...(departmentId ? { departmentId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...afterCreated(after),
  };
  const rows = await db.position.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { ...POSITION_SELECT, department: { select: { id: true, slug: true, name: true } } },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ department, ...row }) => ({ ...toPositionView(row), department })),
    nextCursor: rows.length > input.limit && last ? encodeCreatedCursor(last) : null,
  };
}
