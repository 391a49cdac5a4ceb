import { startConnectOnboarding } from "../../../services/payouts/start-onboarding";
import { orgRoleProcedure } from "../../init";
import { billingCall } from "../credits/billing-error";
import { ZStartOnboardingResponseSchema } from "./start-onboarding.types";

/** Where the org's money goes: admins and owners. */
export const startOnboardingProcedure = orgRoleProcedure("admin")
  .output(ZStartOnboardingResponseSchema)
  .mutation(({ ctx }) => billingCall(() => startConnectOnboarding({ orgId: ctx.org.id })));
