import "server-only";
import { syncOrgConnectAccount } from "../../../services/payouts/sync-connect-account";
import { orgRoleProcedure } from "../../init";
import { ZSyncAccountResponseSchema } from "./sync-account.types";

/** Re-reads the org's connected account from Stripe, e.g. when the seller returns from onboarding. */
export const syncAccountProcedure = orgRoleProcedure("member")
  .output(ZSyncAccountResponseSchema)
  .mutation(({ ctx }) => syncOrgConnectAccount({ orgId: ctx.org.id }));
