import { z } from "zod";

const agentRef = { agentId: z.string(), agentName: z.string(), agentSlug: z.string().nullable() };

export const ZConsoleSnapshotSchema = z.object({
  generatedAt: z.date(),
  inFlight: z.object({
    total: z.number().int(),
    byAgent: z.array(
      z.object({
        ...agentRef,
        submitted: z.number().int(),
        working: z.number().int(),
        inputRequired: z.number().int(),
        total: z.number().int(),
      }),
    ),
  }),
  /** One row per minute of the last hour, oldest first; `minute` is its ISO start. */
  throughput: z.array(
    z.object({ minute: z.string(), finished: z.number().int(), completed: z.number().int(), failed: z.number().int() }),
  ),
  latency: z.array(
    z.object({
      ...agentRef,
      finished: z.number().int(),
      failed: z.number().int(),
      p50Ms: z.number().int().nullable(),
      p95Ms: z.number().int().nullable(),
    }),
  ),
  spend: z.object({
    month: z.string(),
    perHour: z.array(z.object({ hour: z.string(), credits: z.number().int() })),
    last24hCredits: z.number().int(),
    monthCommittedCredits: z.number().int(),
    capCredits: z.number().int().nullable(),
    hourlyPaceCredits: z.number().nullable(),
  }),
  agentHealth: z.array(
    z.object({
      ...agentRef,
      health: z.enum(["UNKNOWN", "HEALTHY", "FAILING"]),
      consecutiveFailures: z.number().int(),
      lastCheckedAt: z.date().nullable(),
      lastLatencyMs: z.number().int().nullable(),
    }),
  ),
  approvals: z.object({ available: z.literal(false) }),
});
export type ConsoleSnapshot = z.infer<typeof ZConsoleSnapshotSchema>;
