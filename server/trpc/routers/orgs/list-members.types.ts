import { z } from "zod";

export const ZListMembersResponseSchema = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.string(),
      joinedAt: z.date(),
    }),
  ),
  invitations: z.array(
    z.object({ id: z.string(), email: z.string(), role: z.string(), expiresAt: z.date(), link: z.string() }),
  ),
});
