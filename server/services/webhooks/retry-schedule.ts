import "server-only";
import { env } from "../../env";

/** When each attempt goes out, in ms after the first: 0, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, 24 h. */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  0,
  30_000,
  120_000,
  600_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  24 * 3_600_000,
];

/** WEBHOOK_RETRY_SCHEDULE_MS ("0,200,400") when set, sorted; else the default. */
export function retrySchedule(): number[] {
  if (!env.WEBHOOK_RETRY_SCHEDULE_MS) return DEFAULT_RETRY_SCHEDULE_MS;
  return env.WEBHOOK_RETRY_SCHEDULE_MS.split(",")
    .map((part) => Number(part.trim()))
    .sort((a, b) => a - b);
}

/** An endpoint failing for this long without a success is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * 3_600_000;
/** A rotated-out secret keeps signing this long, so receivers can switch over. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;
