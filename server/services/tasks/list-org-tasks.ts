import "server-only";
import { z } from "zod";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { TaskSource, TaskState } from "../../generated/prisma/enums";
import { partsText, ZPartViewSchema } from "../../schemas/task-event-view";

export interface ListOrgTasksInput {
  orgId: string;
  state?: TaskState | null;
  agentSlug?: string | null;
  source?: TaskSource | null;
  /** Matches the agent's name, case-insensitively. */
  search?: string | null;
  /** The last id of the previous page (ids are time-ordered UUIDv7). */
  cursor?: string | null;
  limit: number;
}

const ZInputTextSchema = z.object({ parts: z.array(ZPartViewSchema) });

/** What the buyer asked, shortened for a list row. */
function inputPreview(input: unknown): string {
  const parsed = ZInputTextSchema.safeParse(input);
  const text = parsed.success ? partsText(parsed.data.parts).replace(/\s+/g, " ").trim() : "";
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** An org's tasks, newest first, a page at a time. Every row is the org's own. */
export async function listOrgTasks(input: ListOrgTasksInput) {
  const where: Prisma.TaskWhereInput = {
    orgId: input.orgId,
    ...(input.state ? { state: input.state } : {}),
    ...(input.source ? { source: input.source } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    ...(input.agentSlug || input.search
      ? {
          agent: {
            ...(input.agentSlug ? { slug: input.agentSlug } : {}),
            ...(input.search ? { name: { contains: input.search, mode: "insensitive" as const } } : {}),
          },
        }
      : {}),
  };
  const rows = await db.task.findMany({
    where,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      state: true,
      source: true,
      price: true,
      statusMessage: true,
      input: true,
      createdAt: true,
      finishedAt: true,
      durationMs: true,
      agent: { select: { slug: true, name: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ input: message, ...row }) => ({ ...row, preview: inputPreview(message) })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The agents an org has run, for the list's agent filter. */
export async function listOrgTaskAgents({ orgId }: { orgId: string }) {
  return db.agent.findMany({
    where: { tasks: { some: { orgId } } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
    take: 200,
  });
}
