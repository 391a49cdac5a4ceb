import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import { PURCHASES_OFF_MESSAGE, stripeEnabled } from "../../stripe/client";
import { getOrgBalance } from "../ledger/get-balance";
import { creditPacks } from "./credit-packs";

/** What turns purchases on: for platform admins only, since it names the server's settings. */
export const STRIPE_SETUP_HINT =
  "Set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET for Stripe's webhook) in the server's environment, " +
  "then restart Bureau.";

/**
 * The Credits page header: balances, what a credit costs (the packs, shown
 * whether or not purchases are on), and whether purchases are on. When they
 * are off, buyers read a plain sentence; only a platform admin also sees
 * which settings enable them.
 */
export async function getCreditsOverview({ orgId, userId }: { orgId: string; userId: string }) {
  const balance = await getOrgBalance({ orgId });
  const enabled = stripeEnabled();
  const packs = creditPacks();
  const isPlatformAdmin =
    !enabled &&
    Boolean((await db.user.findUnique({ where: { id: userId }, select: { isPlatformAdmin: true } }))?.isPlatformAdmin);
  return {
    balance,
    packs,
    purchases: enabled
      ? { enabled: true as const, packs }
      : {
          enabled: false as const,
          message: PURCHASES_OFF_MESSAGE,
          setupHint: isPlatformAdmin ? STRIPE_SETUP_HINT : null,
        },
    creditValueCents: env.CREDIT_VALUE_CENTS,
  };
}
