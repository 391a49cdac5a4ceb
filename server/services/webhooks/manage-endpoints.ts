import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { latestOrgEventId } from "../events/list-org-events";
import type { OrgEventType } from "../events/catalogue";
import { PREVIOUS_SECRET_TTL_MS } from "./retry-schedule";
import { encryptSecret, generateWebhookSecret } from "./secret-box";
import { toEndpointView, ENDPOINT_VIEW_SELECT, type WebhookEndpointView } from "./webhook-views";
import { checkWebhookUrl } from "./webhook-url";

/** Every query below has orgId in its where: another org's endpoint is "not found". */
const notFound = () => new DomainError("not_found", "Webhook endpoint not found.");

/**
 * Registers an endpoint. It receives the org's events from now on (its cursor
 * starts at the newest event), never the history. The secret is returned
 * here and on rotation only; afterwards it is stored encrypted.
 */
export async function createEndpoint(input: {
  orgId: string;
  userId: string;
  url: string;
  description: string;
  eventTypes: OrgEventType[];
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const url = checkWebhookUrl(input.url);
  const secret = generateWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      orgId: input.orgId,
      url,
      description: input.description,
      eventTypes: [...new Set(input.eventTypes)],
      secretEncrypted: encryptSecret(secret),
      cursor: await latestOrgEventId(input.orgId),
      createdById: input.userId,
    },
    select: ENDPOINT_VIEW_SELECT,
  });
  return { endpoint: toEndpointView(row), secret };
}

/**
 * Changes an endpoint. Enabling resets the failure clock and moves the cursor
 * to the newest event: what happened while it was disabled is not sent.
 */
export async function updateEndpoint(input: {
  orgId: string;
  endpointId: string;
  url?: string;
  description?: string;
  eventTypes?: OrgEventType[];
  enabled?: boolean;
  now?: Date;
}): Promise<WebhookEndpointView> {
  const now = input.now ?? new Date();
  const current = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, orgId: input.orgId },
    select: { enabled: true },
  });
  if (!current) throw notFound();
  const toggled = input.enabled !== undefined && input.enabled !== current.enabled;
  const enabling = toggled && input.enabled === true;
  const disabling = toggled && input.enabled === false;
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: input.endpointId, orgId: input.orgId },
    data: {
      ...(input.url !== undefined ? { url: checkWebhookUrl(input.url) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
      ...(enabling
        ? {
            enabled: true,
            disabledAt: null,
            disabledReason: null,
            firstFailureAt: null,
            cursor: await latestOrgEventId(input.orgId),
          }
        : {}),
      ...(disabling ? { enabled: false, disabledAt: now, disabledReason: "manual" } : {}),
    },
  });
  if (count === 0) throw notFound();
  return getEndpoint({ orgId: input.orgId, endpointId: input.endpointId });
}

export async function deleteEndpoint(input: { orgId: string; endpointId: string }): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: input.endpointId, orgId: input.orgId } });
  if (count === 0) throw notFound();
}

/**
 * A new secret; the one it replaces keeps signing for 24 hours (deliveries
 * carry both signatures meanwhile), so receivers can switch without a gap.
 */
export async function rotateEndpointSecret(input: {
  orgId: string;
  endpointId: string;
  now?: Date;
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const now = input.now ?? new Date();
  const current = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, orgId: input.orgId },
    select: { secretEncrypted: true },
  });
  if (!current) throw notFound();
  const secret = generateWebhookSecret();
  const { count } = await db.webhookEndpoint.updateMany({
    // Conditional on the secret read: two rotations at once cannot both keep "their" previous secret.
    where: { id: input.endpointId, orgId: input.orgId, secretEncrypted: current.secretEncrypted },
    data: {
      secretEncrypted: encryptSecret(secret),
      previousSecretEncrypted: current.secretEncrypted,
      previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_TTL_MS),
    },
  });
  if (count === 0) throw new DomainError("conflict", "The secret was rotated at the same moment; try again.");
  return { endpoint: await getEndpoint(input), secret };
}

export async function getEndpoint(input: { orgId: string; endpointId: string }): Promise<WebhookEndpointView> {
  const row = await db.webhookEndpoint.findFirst({
    where: { id: input.endpointId, orgId: input.orgId },
    select: ENDPOINT_VIEW_SELECT,
  });
  if (!row) throw notFound();
  return toEndpointView(row);
}

export async function listEndpoints(input: { orgId: string }): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { orgId: input.orgId },
    orderBy: { createdAt: "desc" },
    select: ENDPOINT_VIEW_SELECT,
  });
  return rows.map((row) => toEndpointView(row));
}
