import { z } from "zod";
import { zText } from "../../../schemas/primitives";

export const ZSearchOrgsRequestSchema = z.object({ query: zText(100).default("") });
export const ZSearchOrgsResponseSchema = z.array(
  z.object({ id: z.string(), name: z.string(), slug: z.string(), balance: z.number().int() }),
);
