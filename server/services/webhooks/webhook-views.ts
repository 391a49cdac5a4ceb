import "server-only";
import type { WebhookDeliveryStatus } from "../../generated/prisma/enums";

/** What the browser sees of an endpoint: never a secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  /** Until when the previous secret still signs (a rotation in progress), else null. */
  previousSecretExpiresAt: Date | null;
  firstFailureAt: Date | null;
  lastSuccessAt: Date | null;
  createdAt: Date;
}

export const ENDPOINT_VIEW_SELECT = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
  firstFailureAt: true,
  lastSuccessAt: true,
  createdAt: true,
} as const;

export function toEndpointView(row: WebhookEndpointView, now = new Date()): WebhookEndpointView {
  const rotating =
    row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return { ...row, previousSecretExpiresAt: rotating };
}

export interface WebhookDeliveryView {
  id: string;
  messageId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastResponseExcerpt: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

export const DELIVERY_VIEW_SELECT = {
  id: true,
  messageId: true,
  eventType: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastLatencyMs: true,
  lastResponseExcerpt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  createdAt: true,
} as const;
