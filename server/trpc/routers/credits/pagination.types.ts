import { z } from "zod";
import { zId, zPageSize } from "../../../schemas/primitives";

/** Cursor pagination input shared by the money lists (cursor = last id of the previous page). */
export const ZPageRequestSchema = z.object({
  cursor: zId.nullish(),
  limit: zPageSize({ max: 50, default: 10 }),
});
