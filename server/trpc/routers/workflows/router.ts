import "server-only";
import { createTRPCRouter } from "../../init";
import { checkDraftProcedure } from "./check-draft";
import { createWorkflowProcedure } from "./create-workflow";
import { diffVersionsProcedure } from "./diff-versions";
import { getWorkflowProcedure } from "./get-workflow";
import { listTemplatesProcedure } from "./list-templates";
import { listVersionsProcedure } from "./list-versions";
import { listWorkflowsProcedure } from "./list-workflows";
import { publishWorkflowProcedure } from "./publish-workflow";
import { rollbackWorkflowProcedure } from "./rollback-workflow";
import { rotateWebhookProcedure } from "./rotate-webhook";
import { workflowRunsRouter } from "./runs/router";
import { saveDraftProcedure } from "./save-draft";

/** The workflow builder (issue 12): every member reads; members and up edit, publish and run. */
export const workflowsRouter = createTRPCRouter({
  templates: listTemplatesProcedure,
  list: listWorkflowsProcedure,
  get: getWorkflowProcedure,
  create: createWorkflowProcedure,
  saveDraft: saveDraftProcedure,
  check: checkDraftProcedure,
  publish: publishWorkflowProcedure,
  versions: listVersionsProcedure,
  diff: diffVersionsProcedure,
  rollback: rollbackWorkflowProcedure,
  runs: workflowRunsRouter,
  rotateWebhook: rotateWebhookProcedure,
});
