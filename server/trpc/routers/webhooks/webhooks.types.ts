import { z } from "zod";
import { WebhookDeliveryStatus } from "../../../generated/prisma/enums";
import { ORG_EVENT_TYPES, type OrgEventType } from "../../../schemas/org-events";
import { zId, zPageSize, zText } from "../../../schemas/primitives";

export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;
export const WEBHOOK_URL_MAX_LENGTH = 2000;

export const ZWebhookEventTypeSchema = z.enum(ORG_EVENT_TYPES as [OrgEventType, ...OrgEventType[]]);
export const ZWebhookUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the URL Bureau should POST to.")
  .max(WEBHOOK_URL_MAX_LENGTH, `Keep the URL under ${WEBHOOK_URL_MAX_LENGTH} characters.`);
export const ZWebhookDescriptionSchema = zText(WEBHOOK_DESCRIPTION_MAX_LENGTH);

export const ZWebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  /** Empty: every event type. */
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledAt: z.date().nullable(),
  disabledReason: z.string().nullable(),
  previousSecretExpiresAt: z.date().nullable(),
  firstFailureAt: z.date().nullable(),
  lastSuccessAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZWebhookDeliverySchema = z.object({
  id: z.string(),
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(WebhookDeliveryStatus),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastResponseExcerpt: z.string().nullable(),
  lastAttemptAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZEndpointIdSchema = z.object({ endpointId: zId });
export const ZDeliveryIdSchema = z.object({ deliveryId: zId });

export const ZCreateWebhookRequestSchema = z.object({
  url: ZWebhookUrlSchema,
  description: ZWebhookDescriptionSchema.default(""),
  eventTypes: z.array(ZWebhookEventTypeSchema).max(ORG_EVENT_TYPES.length).default([]),
});
/** secret: shown this once. */
export const ZEndpointWithSecretSchema = z.object({ endpoint: ZWebhookEndpointSchema, secret: z.string() });

export const ZUpdateWebhookRequestSchema = z.object({
  endpointId: zId,
  url: ZWebhookUrlSchema.optional(),
  description: ZWebhookDescriptionSchema.optional(),
  eventTypes: z.array(ZWebhookEventTypeSchema).max(ORG_EVENT_TYPES.length).optional(),
  enabled: z.boolean().optional(),
});

export const ZListDeliveriesRequestSchema = z.object({
  endpointId: zId,
  cursor: zId.nullish(),
  limit: zPageSize({ max: 50, default: 20 }),
});
export const ZListDeliveriesResponseSchema = z.object({
  items: z.array(ZWebhookDeliverySchema),
  nextCursor: z.string().nullable(),
});
