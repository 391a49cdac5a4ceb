import "server-only";
import { db } from "../../db";
import type { AgentHealth } from "../../generated/prisma/enums";

export interface ListingSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  provider: string;
  iconUrl: string | null;
  categories: string[];
  tags: string[];
  pricePerTask: number;
  streaming: boolean;
  pushNotifications: boolean;
  inputModes: string[];
  outputModes: string[];
  ratingAvg: number | null;
  ratingCount: number;
  taskCount: number;
  health: AgentHealth;
  healthFlagged: boolean;
  skillNames: string[];
}

/** Card-sized facts about listings, in the order of `ids`. */
export async function listingSummaries(ids: string[]): Promise<ListingSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.agent.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      provider: true,
      iconUrl: true,
      categories: true,
      tags: true,
      pricePerTask: true,
      streaming: true,
      pushNotifications: true,
      inputModes: true,
      outputModes: true,
      ratingAvg: true,
      ratingCount: true,
      taskCount: true,
      health: true,
      healthFlagged: true,
      org: { select: { name: true } },
      skills: { select: { name: true }, orderBy: { position: "asc" } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { org, skills, provider, ...rest } = r;
    return [{ ...rest, provider: provider ?? org.name, skillNames: skills.map((s) => s.name) }];
  });
}
