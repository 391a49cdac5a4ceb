import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { sweepLostTasks } from "@/server/services/tasks/sweep-lost-tasks";

/** Every 5 minutes: re-dispatch, fail or settle tasks whose run was lost. */
export default defineFunction(
  { id: "sweep-lost-tasks", trigger: { cron: "*/5 * * * *" }, retries: 1 },
  async ({ step }) => step.run("sweep", () => sweepLostTasks()),
);
