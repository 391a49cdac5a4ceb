import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";

export const ZRefreshCardRequestSchema = z.object({
  agentId: zId,
  /** New card JSON; omitted to re-fetch the card URL. */
  text: zText(256 * 1024, "The card is larger than 256 KiB.").nullish(),
});
export const ZRefreshCardResponseSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), changed: z.boolean(), version: z.number().int() }),
  z.object({ ok: z.literal(false), errors: z.array(z.string()) }),
]);
