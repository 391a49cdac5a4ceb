import "server-only";
import { createCallerFactory, createTRPCRouter } from "./init";
import { adminRouter } from "./routers/admin/router";
import { agentsRouter } from "./routers/agents/router";
import { sellRouter } from "./routers/sell/router";
import { apiKeysRouter } from "./routers/api-keys/router";
import { budgetsRouter } from "./routers/budgets/router";
import { companyRouter } from "./routers/company/router";
import { consoleRouter } from "./routers/console/router";
import { notificationsRouter } from "./routers/notifications/router";
import { oauthClientsRouter } from "./routers/oauth-clients/router";
import { creditsRouter } from "./routers/credits/router";
import { mcpRouter } from "./routers/mcp/router";
import { orgsRouter } from "./routers/orgs/router";
import { payoutsRouter } from "./routers/payouts/router";
import { platformRouter } from "./routers/platform/router";
import { qualityRouter } from "./routers/quality/router";
import { reviewsRouter } from "./routers/reviews/router";
import { tasksRouter } from "./routers/tasks/router";
import { webhooksRouter } from "./routers/webhooks/router";
import { approvalsRouter } from "./routers/approvals/router";
import { workflowsRouter } from "./routers/workflows/router";
import { knowledgeRouter } from "./routers/knowledge/router";

export const appRouter = createTRPCRouter({
  agents: agentsRouter,
  sell: sellRouter,
  admin: adminRouter,
  orgs: orgsRouter,
  apiKeys: apiKeysRouter,
  credits: creditsRouter,
  budgets: budgetsRouter,
  notifications: notificationsRouter,
  payouts: payoutsRouter,
  platform: platformRouter,
  tasks: tasksRouter,
  reviews: reviewsRouter,
  quality: qualityRouter,
  webhooks: webhooksRouter,
  console: consoleRouter,
  workflows: workflowsRouter,
  approvals: approvalsRouter,
  company: companyRouter,
  knowledge: knowledgeRouter,
  oauthClients: oauthClientsRouter,
  mcp: mcpRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
