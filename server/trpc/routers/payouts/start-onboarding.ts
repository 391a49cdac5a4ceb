import "server-only";
import { startConnectOnboarding } from "../../../services/payouts/start-onboarding";
import { orgRoleProcedure } from "../../init";
import { ZStartOnboardingResponseSchema } from "./start-onboarding.types";

/** Where the org's money goes: admins and owners. */
export const startOnboardingProcedure = orgRoleProcedure("admin")
  .output(ZStartOnboardingResponseSchema)
  .mutation(({ ctx }) => startConnectOnboarding({ orgId: ctx.org.id }));
