import "server-only";
import { db } from "../../db";

export const WEBHOOK_DISABLED_KIND = "webhook.endpoint_disabled";
const RECIPIENT_ROLES = ["owner", "admin"];

/**
 * Bell notifications for the org's owners and admins when an endpoint was
 * disabled for failing. The source key names the endpoint and the moment it
 * was disabled (unique per user), so a replayed step adds nothing and a
 * second disable after a re-enable is told again. The email step
 * (emailNotifications) sends them by mail when SMTP is set.
 */
export async function createEndpointDisabledNotifications(input: {
  endpointId: string;
}): Promise<{ sourceKey: string | null; created: number }> {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: input.endpointId },
    select: { orgId: true, url: true, disabledAt: true, disabledReason: true, firstFailureAt: true },
  });
  if (!endpoint?.disabledAt || endpoint.disabledReason !== "failing") return { sourceKey: null, created: 0 };
  const sourceKey = `webhook-disabled:${input.endpointId}:${endpoint.disabledAt.getTime()}`;
  const members = await db.member.findMany({
    where: { organizationId: endpoint.orgId, role: { in: RECIPIENT_ROLES } },
    select: { userId: true },
  });
  const since = endpoint.firstFailureAt?.toISOString().slice(0, 16).replace("T", " ") ?? "three days";
  const { count } = await db.notification.createMany({
    data: members.map((m) => ({
      orgId: endpoint.orgId,
      userId: m.userId,
      kind: WEBHOOK_DISABLED_KIND,
      sourceKey,
      title: "Webhook endpoint disabled",
      body:
        `Bureau stopped sending events to ${endpoint.url}: every delivery has failed since ${since} UTC ` +
        "(more than 3 days). Fix the receiver, then enable the endpoint again on the Webhooks settings page.",
      link: "/settings/webhooks",
    })),
    skipDuplicates: true,
  });
  return { sourceKey, created: count };
}
