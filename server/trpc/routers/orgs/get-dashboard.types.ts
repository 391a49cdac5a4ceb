import { z } from "zod";

const ZTaskStateSchema = z.enum([
  "SUBMITTED",
  "WORKING",
  "INPUT_REQUIRED",
  "AUTH_REQUIRED",
  "COMPLETED",
  "FAILED",
  "CANCELED",
  "REJECTED",
]);

const ZDashboardRunSchema = z.object({
  id: z.string(),
  state: ZTaskStateSchema,
  price: z.number().int(),
  createdAt: z.date(),
  agentName: z.string(),
  agentSlug: z.string(),
});

export const ZGetDashboardResponseSchema = z.object({
  org: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  role: z.string(),
  balance: z.object({ available: z.number().int(), held: z.number().int() }),
  memberCount: z.number().int(),
  pendingInvitationCount: z.number().int(),
  activeApiKeyCount: z.number().int(),
  month: z.object({
    key: z.string(),
    committedCredits: z.number().int(),
    chargedCredits: z.number().int(),
    capCredits: z.number().int().nullable(),
    percent: z.number().int().nullable(),
    alert: z.boolean(),
    runs: z.number().int(),
  }),
  spendByDay: z.array(z.object({ day: z.string(), credits: z.number().int() })),
  topAgents: z.array(
    z.object({ id: z.string(), name: z.string(), slug: z.string(), credits: z.number().int(), runs: z.number().int() }),
  ),
  runsInFlight: z.object({ count: z.number().int(), items: z.array(ZDashboardRunSchema) }),
  recentRuns: z.array(ZDashboardRunSchema),
  recentActivity: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      summary: z.string(),
      actorName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});
