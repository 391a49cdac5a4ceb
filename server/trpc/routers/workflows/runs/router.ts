import "server-only";
import { createTRPCRouter } from "../../../init";
import { cancelRunProcedure } from "./cancel-run";
import { getRunProcedure } from "./get-run";
import { listRunsProcedure } from "./list-runs";
import { retryRunProcedure } from "./retry-run";
import { startRunProcedure } from "./start-run";

/** Workflow runs: members of any role read; members and up start, cancel and retry (runs spend credits). */
export const workflowRunsRouter = createTRPCRouter({
  start: startRunProcedure,
  list: listRunsProcedure,
  get: getRunProcedure,
  cancel: cancelRunProcedure,
  retry: retryRunProcedure,
});
