import { z } from "zod";

export const ZListCategoriesResponseSchema = z.array(
  z.object({ slug: z.string(), label: z.string(), count: z.number().int() }),
);
