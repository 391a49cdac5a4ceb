import { z } from "zod";

export const ZGetDashboardResponseSchema = z.object({
  org: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  role: z.string(),
  balance: z.object({ available: z.number().int(), held: z.number().int() }),
  memberCount: z.number().int(),
  pendingInvitationCount: z.number().int(),
  activeApiKeyCount: z.number().int(),
  recentActivity: z.array(
    z.object({ id: z.string(), action: z.string(), actorName: z.string().nullable(), createdAt: z.date() }),
  ),
});
