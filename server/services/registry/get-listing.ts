import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { gatewayUrls } from "./gateway-urls";

/** Everything the public agent page shows about a published listing. */
export async function getPublishedListing(input: { slug: string }) {
  const agent = await db.agent.findFirst({
    where: { slug: input.slug, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      pricePerTask: true,
      categories: true,
      tags: true,
      provider: true,
      providerUrl: true,
      docsUrl: true,
      iconUrl: true,
      streaming: true,
      pushNotifications: true,
      inputModes: true,
      outputModes: true,
      protocolVersion: true,
      currentVersion: true,
      ratingAvg: true,
      ratingCount: true,
      taskCount: true,
      publishedAt: true,
      health: true,
      healthFlagged: true,
      healthFailures: true,
      lastCheckedAt: true,
      lastLatencyMs: true,
      org: { select: { name: true, slug: true } },
      skills: {
        orderBy: { position: "asc" },
        select: {
          skillId: true,
          name: true,
          description: true,
          tags: true,
          examples: true,
          inputModes: true,
          outputModes: true,
        },
      },
      versions: { orderBy: { version: "desc" }, take: 1, select: { card: true, cardVersion: true } },
    },
  });
  if (!agent) throw new DomainError("agent_not_found", "No published agent has that address.");
  const { org, versions, provider, ...rest } = agent;
  return {
    ...rest,
    provider: provider ?? org.name,
    seller: org,
    card: versions[0]?.card ?? null,
    cardVersion: versions[0]?.cardVersion ?? null,
    gateway: gatewayUrls(agent.slug),
  };
}
