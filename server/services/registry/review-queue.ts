import { db } from "../../db";
import type { AgentStatus } from "../../generated/prisma/enums";

const PAGE = 20;

/** Listings for platform admins, oldest submission first (the queue is fair). */
export async function listForReview(input: { status: AgentStatus; cursor?: string | null }) {
  const rows = await db.agent.findMany({
    where: { status: input.status },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: PAGE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      status: true,
      statusReason: true,
      cardUrl: true,
      endpointUrl: true,
      pricePerTask: true,
      categories: true,
      submittedAt: true,
      health: true,
      healthFlagged: true,
      currentVersion: true,
      org: { select: { name: true } },
      skills: { orderBy: { position: "asc" }, select: { name: true } },
    },
  });
  const counts = await db.agent.groupBy({ by: ["status"], _count: { _all: true } });
  return {
    items: rows
      .slice(0, PAGE)
      .map(({ org, skills, ...rest }) => ({ ...rest, sellerName: org.name, skillNames: skills.map((s) => s.name) })),
    nextCursor: rows.length > PAGE ? (rows[PAGE - 1]?.id ?? null) : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
  };
}
