import { env } from "../../env";
import { PURCHASES_OFF_MESSAGE, stripeEnabled } from "../../stripe/client";
import { getOrgBalance } from "../ledger/get-balance";
import { creditPacks } from "./credit-packs";

/** The Credits page header: balances, whether purchases are on, and the packs for sale. */
export async function getCreditsOverview({ orgId }: { orgId: string }) {
  const balance = await getOrgBalance({ orgId });
  const enabled = stripeEnabled();
  return {
    balance,
    purchases: enabled
      ? { enabled: true as const, packs: creditPacks() }
      : { enabled: false as const, message: PURCHASES_OFF_MESSAGE },
    creditValueCents: env.CREDIT_VALUE_CENTS,
  };
}
