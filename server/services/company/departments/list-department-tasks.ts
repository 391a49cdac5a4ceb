import "server-only";
import { z } from "zod";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import type { TaskKind, TaskState } from "../../../generated/prisma/enums";
import { partsText, ZPartViewSchema } from "../../../schemas/task-event-view";
import { authorizeCompanyActor, type CompanyActor } from "./company-actor";
import { DEPARTMENT_NOT_FOUND } from "./department-tree";
import { afterCreated, decodeCreatedCursor, encodeCreatedCursor } from "./created-cursor";

export interface DepartmentTaskRow {
  id: string;
  state: TaskState;
  kind: TaskKind;
  price: number;
  createdAt: Date;
  agentName: string | null;
  positionTitle: string | null;
  /** What was asked, shortened for a list row. */
  summary: string;
}

const ZInputSchema = z.object({ parts: z.array(ZPartViewSchema) });
/** withStandingInstructions (positions/position-terms.ts) adds the instructions as a part: not the request. */
const STANDING = /^Standing instructions \(/;

function summary(input: unknown): string {
  const parsed = ZInputSchema.safeParse(input);
  if (!parsed.success) return "";
  const parts = parsed.data.parts.filter((p) => !(p.kind === "text" && STANDING.test(p.text)));
  const text = partsText(parts).replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** A department's tasks (its own, not its teams'), newest first, a page at a time. */
export async function listDepartmentTasks(input: {
  orgId: string;
  actor: CompanyActor;
  slug: string;
  cursor?: string | null;
  limit: number;
}): Promise<{ items: DepartmentTaskRow[]; nextCursor: string | null }> {
  await authorizeCompanyActor(input.orgId, input.actor, "read");
  const after = input.cursor ? decodeCreatedCursor(input.cursor) : null;
  const department = await db.department.findFirst({
    where: { orgId: input.orgId, slug: input.slug },
    select: { id: true },
  });
  if (!department) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
  const rows = await db.task.findMany({
    where: {
      orgId: input.orgId,
      departmentId: department.id,
      ...afterCreated(after),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      state: true,
      kind: true,
      price: true,
      createdAt: true,
      input: true,
      positionId: true,
      agent: { select: { name: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const positionIds = [...new Set(page.flatMap((r) => (r.positionId ? [r.positionId] : [])))];
  const positions = positionIds.length
    ? await db.position.findMany({
        where: { orgId: input.orgId, id: { in: positionIds } },
        select: { id: true, title: true },
      })
    : [];
  const titles = new Map(positions.map((p) => [p.id, p.title]));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      state: row.state,
      kind: row.kind,
      price: row.price,
      createdAt: row.createdAt,
      agentName: row.agent.name,
      positionTitle: row.positionId ? (titles.get(row.positionId) ?? null) : null,
      summary: summary(row.input),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCreatedCursor(last) : null,
  };
}
