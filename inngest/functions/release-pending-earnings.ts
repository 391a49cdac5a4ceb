import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { releaseMaturedEarnings } from "@/server/services/ledger/release-matured-earnings";

/** Hourly: sellers' earnings past the hold period (EARNINGS_HOLD_DAYS) move from pending to available. */
export default defineFunction(
  { id: "release-pending-earnings", trigger: { cron: "17 * * * *" }, retries: 3 },
  async ({ step }) => step.run("release-matured", () => releaseMaturedEarnings({ now: new Date() })),
);
