import { describe, expect, it } from "vitest";
import { connectEventToJob, platformEventToJob } from "@/server/stripe/webhook-events";
import { parseStripeForm } from "../support/stripe/form";

const event = (type: string, object: unknown) => ({ id: "evt_1", type, data: { object } });

describe("Stripe events to durable events", () => {
  it("routes the platform events Bureau handles, keyed by the Stripe event id", () => {
    expect(platformEventToJob(event("checkout.session.completed", { id: "cs_1" }))).toEqual({
      name: "stripe/checkout.completed",
      id: "evt_1",
      data: { sessionId: "cs_1" },
    });
    expect(platformEventToJob(event("checkout.session.async_payment_succeeded", { id: "cs_1" }))?.name).toBe(
      "stripe/checkout.completed",
    );
    expect(platformEventToJob(event("checkout.session.async_payment_failed", { id: "cs_1" }))?.data).toEqual({
      sessionId: "cs_1",
      reason: "payment_failed",
    });
    expect(platformEventToJob(event("checkout.session.expired", { id: "cs_1" }))?.data).toEqual({
      sessionId: "cs_1",
      reason: "expired",
    });
    expect(platformEventToJob(event("charge.refunded", { id: "ch_1" }))).toEqual({
      name: "stripe/charge.refunded",
      id: "evt_1",
      data: { chargeId: "ch_1" },
    });
  });

  it("ignores other types, objects without an id, and platform events on the Connect endpoint", () => {
    expect(platformEventToJob(event("invoice.paid", { id: "in_1" }))).toBeNull();
    expect(platformEventToJob(event("checkout.session.completed", { nope: true }))).toBeNull();
    expect(connectEventToJob(event("checkout.session.completed", { id: "cs_1" }))).toBeNull();
    expect(connectEventToJob(event("account.updated", { id: "acct_1" }))).toEqual({
      name: "stripe/account.updated",
      id: "evt_1",
      data: { accountId: "acct_1" },
    });
  });
});

describe("the local Stripe server's form decoding", () => {
  it("reads nested objects and indexed arrays as Stripe does", () => {
    expect(
      parseStripeForm(
        "mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd" +
          "&metadata[a]=b&expand[0]=x&expand[1]=y",
      ),
    ).toEqual({
      mode: "payment",
      line_items: [{ quantity: "1", price_data: { currency: "usd" } }],
      metadata: { a: "b" },
      expand: ["x", "y"],
    });
    expect(parseStripeForm("expand[]=a&expand[]=b")).toEqual({ expand: ["a", "b"] });
  });
});
