import "server-only";
import { createTRPCRouter } from "../../init";
import { getPayoutsOverviewProcedure } from "./get-overview";
import { listPayoutsProcedure } from "./list-payouts";
import { startOnboardingProcedure } from "./start-onboarding";
import { syncAccountProcedure } from "./sync-account";

export const payoutsRouter = createTRPCRouter({
  overview: getPayoutsOverviewProcedure,
  list: listPayoutsProcedure,
  startOnboarding: startOnboardingProcedure,
  syncAccount: syncAccountProcedure,
});
