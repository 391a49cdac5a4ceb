import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { getStripe, stripeRefusal } from "../../stripe/client";
import { ZStripeAccount } from "../../stripe/objects";

/**
 * Mirrors a connected account from Stripe (re-fetched, never read from the
 * event), so duplicates and out-of-order account.updated events converge on
 * Stripe's current state. An account created for an org whose row was lost
 * is adopted through its metadata.orgId.
 */
export async function syncConnectAccount({ accountId }: { accountId: string }): Promise<{ synced: boolean }> {
  const account = ZStripeAccount.parse(await getStripe().accounts.retrieve(accountId));
  const requirements = account.requirements;
  const data = {
    chargesEnabled: account.charges_enabled,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    requirementsDue: [...new Set([...(requirements?.past_due ?? []), ...(requirements?.currently_due ?? [])])],
    disabledReason: requirements?.disabled_reason ?? null,
    currentDeadline: requirements?.current_deadline ? new Date(requirements.current_deadline * 1000) : null,
    syncedAt: new Date(),
  };
  const updated = await db.sellerAccount.updateMany({ where: { stripeAccountId: account.id }, data });
  if (updated.count > 0) return { synced: true };
  const orgId = account.metadata.orgId;
  if (!orgId || !(await db.organization.findUnique({ where: { id: orgId }, select: { id: true } })))
    return { synced: false };
  const adopted = await db.sellerAccount.createMany({
    data: [{ orgId, stripeAccountId: account.id, ...data }],
    skipDuplicates: true,
  });
  return { synced: adopted.count > 0 };
}

/**
 * The org's own account, re-fetched (the seller came back from onboarding).
 * Refuses with not_onboarded when the org has none, and with
 * payments_unavailable when Stripe fails.
 */
export async function syncOrgConnectAccount({ orgId }: { orgId: string }): Promise<{ synced: boolean }> {
  const account = await db.sellerAccount.findUnique({ where: { orgId }, select: { stripeAccountId: true } });
  if (!account) throw new DomainError("not_onboarded", "This organization has not started payout onboarding.");
  try {
    return await syncConnectAccount({ accountId: account.stripeAccountId });
  } catch (error) {
    throw stripeRefusal(error);
  }
}
