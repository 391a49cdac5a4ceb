import "server-only";
import type { DurableFunction } from "@/server/jobs/types";
import cancelAgentTask from "./cancel-agent-task";
import checkAgentHealth from "./check-agent-health";
import closeCheckout from "./close-checkout";
import continueAgentTask from "./continue-agent-task";
import deliverTaskPush from "./deliver-task-push";
import deliverWebhook from "./deliver-webhook";
import fulfillCheckout from "./fulfill-checkout";
import notifyBudgetThreshold from "./notify-budget-threshold";
import payOutSeller from "./pay-out-seller";
import payOutSellers from "./pay-out-sellers";
import pruneEvents from "./prune-events";
import refundCharge from "./refund-charge";
import releasePendingEarnings from "./release-pending-earnings";
import runAgentTask from "./run-agent-task";
import runCompanyRequest from "./run-company-request";
import finishCompanyRequest from "./finish-company-request";
import runWorkflow from "./run-workflow";
import sweepBudgetAlerts from "./sweep-budget-alerts";
import sweepLostTasks from "./sweep-lost-tasks";
import sweepOpenCheckouts from "./sweep-open-checkouts";
import startScheduledWorkflows from "./start-scheduled-workflows";
import sweepWebhooks from "./sweep-webhooks";
import sweepWorkflowRuns from "./sweep-workflow-runs";
import syncConnectAccount from "./sync-connect-account";
import wakeWorkflowOnApproval from "./wake-workflow-on-approval";

/**
 * Every durable function, for both engines. Whoever starts an engine
 * (instrumentation.ts, the Inngest route, tests) hands it this list, so the
 * engines and the services that send events never import a function.
 */
export const allFunctions = [
  runAgentTask,
  continueAgentTask,
  cancelAgentTask,
  sweepLostTasks,
  deliverTaskPush,
  fulfillCheckout,
  closeCheckout,
  refundCharge,
  syncConnectAccount,
  releasePendingEarnings,
  payOutSellers,
  payOutSeller,
  sweepOpenCheckouts,
  checkAgentHealth,
  notifyBudgetThreshold,
  sweepBudgetAlerts,
  pruneEvents,
  deliverWebhook,
  sweepWebhooks,
  startScheduledWorkflows,
  runWorkflow,
  wakeWorkflowOnApproval,
  runCompanyRequest,
  finishCompanyRequest,
  sweepWorkflowRuns,
] as DurableFunction<never>[];
