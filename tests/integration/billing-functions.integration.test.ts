import { InngestTestEngine } from "@inngest/test";
import { afterAll, describe, expect, it, vi } from "vitest";

// Production runs these on Inngest: here they go through the production
// adapter and @inngest/test, with steps running for real against Postgres and
// the local Stripe server.
const stripe = await vi.hoisted(async () => {
  process.env.JOB_ENGINE = "inngest";
  return (await import("../support/local-stripe-env")).useLocalStripe();
});

import { inngest } from "@/inngest/client";
import fulfillCheckout from "@/inngest/functions/fulfill-checkout";
import payOutSellerFn from "@/inngest/functions/pay-out-seller";
import { db } from "@/server/db";
import { toInngestFunction } from "@/server/jobs/inngest/adapt";
import type { DurableFunction } from "@/server/jobs/types";
import { orgAccount, platformAccount } from "@/server/services/ledger/accounts";
import { postTransfer } from "@/server/services/ledger/post-transaction";
import { balancesOf } from "../support/billing-fixtures";
import { ownerWithOrg, unique } from "../support/factories";

afterAll(() => stripe.close());

const engineFor = (fn: DurableFunction<never>) => new InngestTestEngine({ function: toInngestFunction(inngest, fn) });

describe("billing functions on Inngest (@inngest/test)", () => {
  it("fulfill-checkout credits a paid session once across runs", async () => {
    const buyer = await ownerWithOrg("Buyer");
    const { url } = await buyer.caller.credits.createCheckout({ orgId: buyer.org.id, packId: "pack-5000" });
    const sessionId = url.split("/").at(-1)!;
    stripe.state.completeCheckout(sessionId);
    const event = { name: "stripe/checkout.completed", data: { sessionId } };
    const first = await engineFor(fulfillCheckout as DurableFunction<never>).execute({ events: [event], steps: [] });
    const second = await engineFor(fulfillCheckout as DurableFunction<never>).execute({ events: [event], steps: [] });
    expect(first.result).toEqual({ outcome: "credited" });
    expect(second.result).toEqual({ outcome: "already_credited" });
    expect((await balancesOf(buyer.org.id)).wallet).toBe(5_000);
  });

  it("pay-out-seller fails the run on a refused transfer (so Inngest retries) and pays on the next run", async () => {
    const seller = await ownerWithOrg("Seller");
    await seller.caller.payouts.startOnboarding({ orgId: seller.org.id });
    const { stripeAccountId } = await db.sellerAccount.findUniqueOrThrow({ where: { orgId: seller.org.id } });
    stripe.state.submitOnboarding(stripeAccountId, "complete");
    await seller.caller.payouts.syncAccount({ orgId: seller.org.id });
    await db.$transaction(async (tx) => {
      const revenue = await platformAccount(tx, "PLATFORM_REVENUE");
      const available = await orgAccount(tx, seller.org.id, "SELLER_AVAILABLE");
      await postTransfer(tx, {
        key: `test:${unique()}`,
        kind: "test",
        orgId: seller.org.id,
        from: revenue.id,
        to: available.id,
        amount: 3_000,
      });
    });

    const event = { name: "payout/seller.due", data: { sellerOrgId: seller.org.id } };
    stripe.failNext("transfers.create");
    const failed = await engineFor(payOutSellerFn as DurableFunction<never>).execute({ events: [event], steps: [] });
    expect(failed.error).toBeTruthy();
    expect(await db.payout.findFirstOrThrow({ where: { sellerOrgId: seller.org.id } })).toMatchObject({
      status: "FAILED",
      failureCount: 1,
    });

    const retried = await engineFor(payOutSellerFn as DurableFunction<never>).execute({ events: [event], steps: [] });
    expect(retried.result).toMatchObject({ status: "paid", credits: 3_000 });
    expect([...stripe.state.transfers.values()].filter((t) => t.destination === stripeAccountId)).toHaveLength(1);
    expect(await balancesOf(seller.org.id)).toMatchObject({ available: 0 });
  });
});
