import "server-only";
import { appUrl } from "../../env";
import { gatewayUrls } from "./gateway-urls";
import type { ListingSummary } from "./listing-summary";

/** A listing as the public catalog API shows it (stable field names for programs). */
export function publicSummary(l: ListingSummary) {
  return {
    slug: l.slug,
    name: l.name,
    description: l.description,
    provider: l.provider,
    iconUrl: l.iconUrl,
    categories: l.categories,
    tags: l.tags,
    pricePerTask: l.pricePerTask,
    capabilities: { streaming: l.streaming, pushNotifications: l.pushNotifications },
    inputModes: l.inputModes,
    outputModes: l.outputModes,
    rating: { average: l.ratingAvg, count: l.ratingCount },
    taskCount: l.taskCount,
    health: { status: l.health.toLowerCase(), flagged: l.healthFlagged },
    skills: l.skillNames,
    url: `${appUrl()}/agents/${encodeURIComponent(l.slug)}`,
    gateway: gatewayUrls(l.slug),
  };
}

/** Public catalog API: 60 requests a minute per client IP, shared by both routes. */
export const CATALOG_RATE_LIMIT = { scope: "catalog", limit: 60, windowSeconds: 60 };
