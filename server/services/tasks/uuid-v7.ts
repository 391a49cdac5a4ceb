import "server-only";
import { getRandomValues } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A time-ordered UUIDv7 (RFC 9562), as Prisma's `@default(uuid(7))` makes,
 * for rows the hot path inserts in SQL functions instead of through Prisma:
 * task ids are the cursor of task lists, and an artifact's id orders the
 * artifacts written at the same instant. Monotonic within the process: ids
 * minted in the same millisecond count up in the 12 bits after the
 * timestamp (seeded at random below 2^11, so a millisecond has room for
 * 2,048 or more); past that, the timestamp borrows the next millisecond.
 */
export function uuidV7(): string {
  const bytes = getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = ((bytes[6]! & 0x07) << 8) | bytes[7]!;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  ms = lastMs;
  // 48 bits of milliseconds, big-endian.
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | (sequence >>> 8); // version 7
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 9562 variant
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
