import { afterAll, describe, expect, it, vi } from "vitest";
import type { JobEvent } from "@/server/jobs/types";

const stripe = await vi.hoisted(async () => (await import("../support/local-stripe-env")).useLocalStripe());
const jobs = vi.hoisted(() => ({ send: async (_events: JobEvent | JobEvent[]): Promise<void> => {} }));
vi.mock("@/server/jobs/send", () => ({ sendEvent: (events: JobEvent | JobEvent[]) => jobs.send(events) }));

import closeCheckout from "@/inngest/functions/close-checkout";
import fulfillCheckout from "@/inngest/functions/fulfill-checkout";
import refundCharge from "@/inngest/functions/refund-charge";
import { POST as platformWebhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/server/db";
import type { DurableFunction } from "@/server/jobs/types";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { InsufficientCreditsError } from "@/server/services/ledger/errors";
import { balancesOf, sellerAgent, startHeldTask } from "../support/billing-fixtures";
import { addMember, callerFor, createUser, ownerWithOrg } from "../support/factories";
import { createInlineJobs } from "../support/inline-jobs";
import { TEST_STRIPE } from "../support/local-stripe-env";

const inline = createInlineJobs([fulfillCheckout, closeCheckout, refundCharge] as DurableFunction<never>[]);
jobs.send = inline.send;
afterAll(() => stripe.close());

/** Posts an event to the real webhook route, signed like Stripe (or not). */
async function webhook(event: object, opts: { secret?: string; timestamp?: number; tamper?: boolean } = {}) {
  const { body, headers } = stripe.signedWebhook(event, opts.secret ?? TEST_STRIPE.webhookSecret, {
    timestamp: opts.timestamp,
  });
  const request = new Request("http://bureau.test/api/stripe/webhook", {
    method: "POST",
    headers,
    body: opts.tamper ? body.replace("checkout", "checkouT") : body,
  });
  return platformWebhook(request, undefined);
}

/** A buyer org that opened Checkout for the 1,000-credit pack ($10). */
async function openCheckout() {
  const buyer = await ownerWithOrg("Buyer");
  const { url } = await buyer.caller.credits.createCheckout({ orgId: buyer.org.id, packId: "pack-1000" });
  const sessionId = url.split("/").at(-1)!;
  return { ...buyer, url, sessionId };
}

describe("buying credits with Stripe Checkout", () => {
  it("opens a Checkout Session with the pack's parameters, and credits only from the webhook", async () => {
    const { org, caller, url, sessionId } = await openCheckout();
    expect(url).toBe(`${stripe.url}/checkout/pay/${sessionId}`);
    const purchase = await db.purchase.findFirstOrThrow({ where: { orgId: org.id } });
    const call = stripe.callsOf("checkout.sessions.create").find((c) => c.idempotencyKey === `checkout:${purchase.id}`);
    expect(call?.params).toMatchObject({
      mode: "payment",
      line_items: [
        {
          quantity: "1",
          price_data: { currency: "usd", unit_amount: "1000", product_data: { name: "1,000 Bureau credits" } },
        },
      ],
      client_reference_id: org.id,
      metadata: { purchaseId: purchase.id, orgId: org.id },
      success_url: expect.stringMatching(/\/credits\/return\?session_id=\{CHECKOUT_SESSION_ID\}$/),
    });
    expect(await caller.credits.purchaseStatus({ orgId: org.id, sessionId })).toMatchObject({
      state: "processing",
      balance: { available: 0 },
    });

    // The buyer pays; the redirect alone changes nothing.
    const event = stripe.state.completeCheckout(sessionId);
    expect((await caller.credits.purchaseStatus({ orgId: org.id, sessionId })).state).toBe("processing");

    expect((await webhook(event)).status).toBe(200);
    const status = await caller.credits.purchaseStatus({ orgId: org.id, sessionId });
    expect(status).toMatchObject({ state: "credited", credits: 1_000, balance: { available: 1_000 } });
    expect(status.receiptUrl).toContain(`${stripe.url}/receipts/`);
    const { items } = await caller.credits.purchases({ orgId: org.id });
    expect(items).toEqual([
      expect.objectContaining({ status: "PAID", credits: 1_000, amountCents: 1_000, receiptUrl: status.receiptUrl }),
    ]);
  });

  it("credits once when the same checkout.session.completed arrives 100 times in a row and 20 at once", async () => {
    const { org, sessionId } = await openCheckout();
    const event = stripe.state.completeCheckout(sessionId);
    const before = inline.sent.length;
    for (let i = 0; i < 100; i++) expect((await webhook(event)).status).toBe(200);
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => webhook(event)));
    expect(concurrent.map((r) => r.status)).toEqual(Array(20).fill(200));
    // Every delivery reached the function (the inline engine does not deduplicate)…
    expect(inline.sent.length - before).toBe(120);
    // …and the wallet was credited exactly once.
    expect((await balancesOf(org.id)).wallet).toBe(1_000);
    expect(await db.ledgerTransaction.count({ where: { key: `purchase:${sessionId}` } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "credits.purchased" } })).toBe(1);
  }, 120_000);

  it("answers a forged, tampered, unsigned or stale delivery with 400 and writes nothing", async () => {
    const { org, sessionId } = await openCheckout();
    const event = stripe.state.completeCheckout(sessionId);
    const before = inline.sent.length;
    const forged = await webhook(event, { secret: "whsec_not_the_real_secret" });
    const tampered = await webhook(event, { tamper: true });
    const stale = await webhook(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const unsigned = await platformWebhook(
      new Request("http://bureau.test/api/stripe/webhook", { method: "POST", body: JSON.stringify(event) }),
      undefined,
    );
    for (const response of [forged, tampered, stale, unsigned]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: expect.stringMatching(/^signature_/) } });
    }
    expect(inline.sent.length).toBe(before);
    expect((await balancesOf(org.id)).wallet).toBe(0);
    expect(await db.ledgerTransaction.count({ where: { key: `purchase:${sessionId}` } })).toBe(0);
  });

  it("acknowledges event types it does not handle and ignores them", async () => {
    const before = inline.sent.length;
    const response = await webhook(stripe.state.event("customer.created", { id: "cus_test_1", object: "customer" }));
    expect(response.status).toBe(200);
    expect(inline.sent.length).toBe(before);
  });

  it("waits for a delayed payment, and marks an expired session failed", async () => {
    const { org, caller, sessionId } = await openCheckout();
    await webhook(stripe.state.completeCheckout(sessionId, { asyncPayment: true }));
    expect(await caller.credits.purchaseStatus({ orgId: org.id, sessionId })).toMatchObject({
      state: "processing",
      balance: { available: 0 },
    });
    await webhook(stripe.state.succeedAsyncPayment(sessionId));
    expect(await caller.credits.purchaseStatus({ orgId: org.id, sessionId })).toMatchObject({
      state: "credited",
      balance: { available: 1_000 },
    });

    const second = await openCheckout();
    await webhook(stripe.state.expireCheckout(second.sessionId));
    expect(
      (await second.caller.credits.purchaseStatus({ orgId: second.org.id, sessionId: second.sessionId })).state,
    ).toBe("failed");
  });
});

describe("refunds", () => {
  it("takes refunded credits back after they were spent, leaving a negative wallet that blocks new tasks", async () => {
    const { org, sessionId } = await openCheckout();
    await webhook(stripe.state.completeCheckout(sessionId));
    const { agent } = await sellerAgent();
    await captureHold({ taskId: await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 800 }) });
    expect((await balancesOf(org.id)).wallet).toBe(200);

    const refund = stripe.state.refundCharge(stripe.state.chargeOfSession(sessionId).id);
    await webhook(refund);
    await webhook(refund);
    expect((await balancesOf(org.id)).wallet).toBe(-800);
    expect(await db.purchase.findFirstOrThrow({ where: { orgId: org.id } })).toMatchObject({
      status: "REFUNDED",
      refundedCredits: 1_000,
    });

    const refusal = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 1 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(InsufficientCreditsError);
    expect((refusal as Error).message).toContain("negative (-800)");
    expect(await db.task.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("deducts partial refunds by share, and a refund seen before fulfilment fulfils first", async () => {
    const { org, sessionId } = await openCheckout();
    await webhook(stripe.state.completeCheckout(sessionId));
    const chargeId = stripe.state.chargeOfSession(sessionId).id;
    await webhook(stripe.state.refundCharge(chargeId, 250));
    expect((await balancesOf(org.id)).wallet).toBe(750);
    expect((await db.purchase.findFirstOrThrow({ where: { orgId: org.id } })).status).toBe("PARTIALLY_REFUNDED");
    await webhook(stripe.state.refundCharge(chargeId));
    expect((await balancesOf(org.id)).wallet).toBe(0);

    // The completed event is lost; the refund arrives first.
    const late = await openCheckout();
    stripe.state.completeCheckout(late.sessionId);
    await webhook(stripe.state.refundCharge(stripe.state.chargeOfSession(late.sessionId).id));
    expect((await balancesOf(late.org.id)).wallet).toBe(0);
    expect(await db.ledgerTransaction.count({ where: { key: { in: [`purchase:${late.sessionId}`] } } })).toBe(1);
    expect((await db.purchase.findFirstOrThrow({ where: { orgId: late.org.id } })).status).toBe("REFUNDED");
  });
});

describe("who may buy", () => {
  it("needs an admin, refuses unknown packs, hides other orgs' purchases, and reports Stripe's refusals", async () => {
    const { org, caller, sessionId } = await openCheckout();
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    await expect(
      (await callerFor(member.email)).credits.createCheckout({ orgId: org.id, packId: "pack-1000" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.credits.createCheckout({ orgId: org.id, packId: "pack-7" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const other = await ownerWithOrg("Other");
    await expect(other.caller.credits.purchaseStatus({ orgId: other.org.id, sessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(other.caller.credits.purchases({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    stripe.failNext("checkout.sessions.create", {
      status: 400,
      code: "amount_too_large",
      message: "Amount too large.",
    });
    await expect(caller.credits.createCheckout({ orgId: org.id, packId: "pack-1000" })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringContaining("Amount too large."),
    });
    expect(await db.purchase.count({ where: { orgId: org.id, status: "FAILED" } })).toBe(1);
    expect((await caller.credits.purchases({ orgId: org.id })).items).toHaveLength(1);
  });
});
