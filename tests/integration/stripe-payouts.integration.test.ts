import { afterAll, describe, expect, it, vi } from "vitest";
import type { JobEvent } from "@/server/jobs/types";

const stripe = await vi.hoisted(async () => (await import("../support/local-stripe-env")).useLocalStripe());
const jobs = vi.hoisted(() => ({ send: async (_events: JobEvent | JobEvent[]): Promise<void> => {} }));
vi.mock("@/server/jobs/send", () => ({ sendEvent: (events: JobEvent | JobEvent[]) => jobs.send(events) }));

import syncConnectAccountFn from "@/inngest/functions/sync-connect-account";
import { POST as connectWebhook } from "@/app/api/stripe/connect-webhook/route";
import { db } from "@/server/db";
import type { DurableFunction } from "@/server/jobs/types";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { orgAccount, platformAccount } from "@/server/services/ledger/accounts";
import { postTransaction } from "@/server/services/ledger/post-transaction";
import { listSellersDueForPayout } from "@/server/services/payouts/list-due-sellers";
import { payOutSeller } from "@/server/services/payouts/pay-out-seller";
import { balancesOf } from "../support/billing-fixtures";
import { ownerWithOrg, unique } from "../support/factories";
import { createInlineJobs } from "../support/inline-jobs";
import { TEST_STRIPE } from "../support/local-stripe-env";

const inline = createInlineJobs([syncConnectAccountFn] as DurableFunction<never>[]);
jobs.send = inline.send;
afterAll(() => stripe.close());

async function deliverConnect(event: object) {
  const { body, headers } = stripe.signedWebhook(event, TEST_STRIPE.connectWebhookSecret);
  return connectWebhook(
    new Request("http://bureau.test/api/stripe/connect-webhook", { method: "POST", headers, body }),
    undefined,
  );
}

/** A seller org that started onboarding (its connected account exists on Stripe). */
async function onboardingSeller() {
  const seller = await ownerWithOrg("Seller");
  const { url } = await seller.caller.payouts.startOnboarding({ orgId: seller.org.id });
  const account = await db.sellerAccount.findUniqueOrThrow({ where: { orgId: seller.org.id } });
  return { ...seller, url, accountId: account.stripeAccountId };
}

/** Puts `credits` straight into a seller's available earnings (as matured captures would). */
async function fundAvailable(orgId: string, credits: number) {
  await db.$transaction(async (tx) => {
    const available = await orgAccount(tx, orgId, "SELLER_AVAILABLE");
    const revenue = await platformAccount(tx, "PLATFORM_REVENUE");
    await postTransaction(tx, {
      key: `test-earning:${unique()}`,
      kind: "test",
      orgId,
      lines: [
        { accountId: available.id, amount: credits },
        { accountId: revenue.id, amount: -credits },
      ],
    });
  });
}

/** The payout id of a result, failing the test unless it has one. */
function payoutIdOf(result: Awaited<ReturnType<typeof payOutSeller>>): string {
  if (result.status === "skipped") throw new Error(`expected a payout, got skipped (${result.reason})`);
  return result.payoutId;
}

async function payableSeller(credits: number) {
  const seller = await onboardingSeller();
  await deliverConnect(stripe.state.submitOnboarding(seller.accountId, "complete"));
  await fundAvailable(seller.org.id, credits);
  return seller;
}

describe("Connect onboarding", () => {
  it("creates one connected account per org with a hosted onboarding link, however often it is started", async () => {
    const seller = await ownerWithOrg("Seller");
    const links = await Promise.all(
      Array.from({ length: 4 }, () => seller.caller.payouts.startOnboarding({ orgId: seller.org.id })),
    );
    for (const { url } of links) expect(url).toMatch(new RegExp(`^${stripe.url}/connect/onboarding/`));
    const creates = stripe
      .callsOf("accounts.create")
      .filter((c) => c.idempotencyKey === `connect-account:${seller.org.id}`);
    expect(creates.length).toBeGreaterThanOrEqual(1);
    expect(creates.filter((c) => !c.replayed)).toHaveLength(1);
    expect(creates[0]?.params).toMatchObject({
      controller: { stripe_dashboard: { type: "express" } },
      capabilities: { transfers: { requested: "true" } },
      metadata: { orgId: seller.org.id },
    });
    expect(await db.sellerAccount.count({ where: { orgId: seller.org.id } })).toBe(1);
    const link = stripe.callsOf("accountLinks.create").at(-1);
    expect(link?.params).toMatchObject({
      type: "account_onboarding",
      refresh_url: expect.stringContaining("/sell/payouts?onboarding=refresh"),
      return_url: expect.stringContaining("/sell/payouts?onboarding=return"),
    });
  });

  it("mirrors the account's requirements from Stripe on account.updated, whatever the order or count", async () => {
    const { org, caller, accountId } = await onboardingSeller();
    let overview = await caller.payouts.overview({ orgId: org.id });
    expect(overview.account).toMatchObject({ payoutsEnabled: false, detailsSubmitted: false, syncedAt: null });

    const partial = stripe.state.submitOnboarding(accountId, "partial");
    expect((await deliverConnect(partial)).status).toBe(200);
    overview = await caller.payouts.overview({ orgId: org.id });
    expect(overview.account).toMatchObject({
      detailsSubmitted: true,
      payoutsEnabled: false,
      requirementsDue: ["external_account"],
    });

    const complete = stripe.state.submitOnboarding(accountId, "complete");
    await deliverConnect(complete);
    await deliverConnect(partial); // a stale duplicate arriving late changes nothing: the account is re-fetched
    overview = await caller.payouts.overview({ orgId: org.id });
    expect(overview.account).toMatchObject({
      detailsSubmitted: true,
      payoutsEnabled: true,
      chargesEnabled: true,
      requirementsDue: [],
    });

    const forged = stripe.signedWebhook(complete, "whsec_wrong");
    const refused = await connectWebhook(
      new Request("http://bureau.test/api/stripe/connect-webhook", { method: "POST", ...forged }),
      undefined,
    );
    expect(refused.status).toBe(400);
  });

  it("lets a member re-sync on return, and hides another org's payouts", async () => {
    const { org, caller, accountId } = await onboardingSeller();
    stripe.state.submitOnboarding(accountId, "partial"); // the webhook has not arrived yet
    expect(await caller.payouts.syncAccount({ orgId: org.id })).toEqual({ synced: true });
    expect((await caller.payouts.overview({ orgId: org.id })).account?.requirementsDue).toEqual(["external_account"]);
    const other = await ownerWithOrg("Other");
    await expect(other.caller.payouts.overview({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.payouts.syncAccount({ orgId: other.org.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This organization has not started payout onboarding.",
    });
  });
});

describe("paying sellers", () => {
  it("transfers once when run twice, or several times at once", async () => {
    const { org, accountId } = await payableSeller(2_500);
    const first = await payOutSeller({ sellerOrgId: org.id });
    const second = await payOutSeller({ sellerOrgId: org.id });
    expect(first).toMatchObject({ status: "paid", credits: 2_500 });
    expect(second).toEqual({ status: "skipped", reason: "below_minimum" });
    const transfers = [...stripe.state.transfers.values()].filter((t) => t.destination === accountId);
    expect(transfers).toEqual([
      expect.objectContaining({ amount: 2_500, currency: "usd", transfer_group: `payout_${payoutIdOf(first)}` }),
    ]);
    expect(await balancesOf(org.id)).toMatchObject({ available: 0 });

    const racing = await payableSeller(1_200);
    const results = await Promise.all(Array.from({ length: 4 }, () => payOutSeller({ sellerOrgId: racing.org.id })));
    expect(results.filter((r) => r.status === "paid").length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === "skipped" || (r.status === "paid" && r.credits === 1_200))).toBe(true);
    expect([...stripe.state.transfers.values()].filter((t) => t.destination === racing.accountId)).toHaveLength(1);
    expect(await db.payout.count({ where: { sellerOrgId: racing.org.id } })).toBe(1);
  });

  it("records a failed transfer for the seller to see and succeeds on retry with one transfer", async () => {
    const { org, caller, accountId } = await payableSeller(1_500);
    stripe.failNext("transfers.create");
    const failed = await payOutSeller({ sellerOrgId: org.id });
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("insufficient available funds") });
    const { items } = await caller.payouts.list({ orgId: org.id });
    expect(items).toEqual([
      expect.objectContaining({
        status: "FAILED",
        credits: 1_500,
        failureCount: 1,
        lastError: expect.stringContaining("balance_insufficient"),
      }),
    ]);
    expect((await caller.payouts.overview({ orgId: org.id })).earnings).toMatchObject({
      available: 0,
      inTransit: 1_500,
      paidOut: 0,
    });
    expect(await listSellersDueForPayout({ minimumCredits: 1_000 })).toContain(org.id);

    const retried = await payOutSeller({ sellerOrgId: org.id });
    const payoutId = payoutIdOf(failed);
    expect(retried).toMatchObject({ status: "paid", payoutId });
    expect([...stripe.state.transfers.values()].filter((t) => t.destination === accountId)).toHaveLength(1);
    const keys = stripe
      .callsOf("transfers.create")
      .filter((c) => c.params.destination === accountId)
      .map((c) => c.idempotencyKey);
    // A definitive refusal advances the attempt, so the retry is a new request, not a replay of the error.
    expect(keys).toEqual([`payout:${payoutId}:0`, `payout:${payoutId}:1`]);
    expect((await caller.payouts.overview({ orgId: org.id })).earnings).toMatchObject({ inTransit: 0, paidOut: 1_500 });
    expect((await caller.payouts.list({ orgId: org.id })).items[0]).toMatchObject({
      status: "PAID",
      lastError: null,
      stripeTransferId: expect.stringMatching(/^tr_/),
    });
    // The seller's event log tells the same story, each step with its change.
    const log = await db.event.findMany({
      where: { orgId: org.id, subjectId: payoutId },
      orderBy: { id: "asc" },
      select: { type: true, data: true },
    });
    expect(log.map((e) => e.type)).toEqual(["payout.opened", "payout.failed", "payout.paid"]);
    expect(log[0]!.data).toEqual({ credits: 1_500 });
    expect(log[2]!.data).toMatchObject({ credits: 1_500, transferId: expect.stringMatching(/^tr_/) });
  });

  it("after an unknown outcome finds the transfer Stripe already made instead of sending another", async () => {
    const { org, accountId } = await payableSeller(1_000);
    expect((await payOutSeller({ sellerOrgId: org.id })).status).toBe("paid");
    // Pretend Bureau never heard back: the payout is marked failed without a transfer id.
    await db.payout.updateMany({
      where: { sellerOrgId: org.id },
      data: { status: "FAILED", stripeTransferId: null, failureCount: 1, lastError: "timeout" },
    });
    const again = await payOutSeller({ sellerOrgId: org.id });
    expect(again).toMatchObject({ status: "paid" });
    expect([...stripe.state.transfers.values()].filter((t) => t.destination === accountId)).toHaveLength(1);
  });

  it("skips sellers without payouts enabled or below the minimum", async () => {
    const pending = await onboardingSeller();
    await fundAvailable(pending.org.id, 5_000);
    expect(await payOutSeller({ sellerOrgId: pending.org.id })).toEqual({
      status: "skipped",
      reason: "payouts_disabled",
    });
    const small = await payableSeller(999);
    expect(await payOutSeller({ sellerOrgId: small.org.id })).toEqual({ status: "skipped", reason: "below_minimum" });
    const none = await ownerWithOrg("No account");
    await grantCredits({ orgId: none.org.id, amount: 10, key: `t:${unique()}`, reason: "t", actorUserId: null });
    expect(await payOutSeller({ sellerOrgId: none.org.id })).toEqual({ status: "skipped", reason: "no_account" });
    const due = await listSellersDueForPayout({ minimumCredits: 1_000 });
    expect(due).not.toContain(pending.org.id);
    expect(due).not.toContain(small.org.id);
  });
});
