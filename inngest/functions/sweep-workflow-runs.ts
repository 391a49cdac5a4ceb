import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { sweepWorkflowRuns } from "@/server/services/workflows/engine/sweep-runs";

/** Every minute: re-send the start of runs whose start was lost, and wake runs that missed a wake. */
export default defineFunction(
  { id: "sweep-workflow-runs", trigger: { cron: "* * * * *" }, retries: 1 },
  async ({ step }) => step.run("sweep", () => sweepWorkflowRuns()),
);
