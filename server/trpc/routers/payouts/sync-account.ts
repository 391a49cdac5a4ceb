import { TRPCError } from "@trpc/server";
import { syncOrgConnectAccount } from "../../../services/payouts/sync-connect-account";
import { orgRoleProcedure } from "../../init";
import { billingCall } from "../credits/billing-error";
import { ZSyncAccountResponseSchema } from "./sync-account.types";

/** Re-reads the org's connected account from Stripe, e.g. when the seller returns from onboarding. */
export const syncAccountProcedure = orgRoleProcedure("member")
  .output(ZSyncAccountResponseSchema)
  .mutation(async ({ ctx }) => {
    const result = await billingCall(() => syncOrgConnectAccount({ orgId: ctx.org.id }));
    if (!result)
      throw new TRPCError({ code: "NOT_FOUND", message: "This organization has not started payout onboarding." });
    return result;
  });
