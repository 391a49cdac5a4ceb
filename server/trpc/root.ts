import { createCallerFactory, createTRPCRouter } from "./init";
import { apiKeysRouter } from "./routers/api-keys/router";
import { orgsRouter } from "./routers/orgs/router";

export const appRouter = createTRPCRouter({
  orgs: orgsRouter,
  apiKeys: apiKeysRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
