import { expect, test } from "@playwright/test";

test("the Stripe webhooks refuse unsigned and forged deliveries", async ({ request }) => {
  const body = JSON.stringify({
    id: "evt_forged",
    object: "event",
    type: "checkout.session.completed",
    data: { object: { id: "cs_forged" } },
  });
  for (const path of ["/api/stripe/webhook", "/api/stripe/connect-webhook"]) {
    const unsigned = await request.post(path, { data: body, headers: { "content-type": "application/json" } });
    expect(unsigned.status()).toBe(400);
    const forged = await request.post(path, {
      data: body,
      headers: {
        "content-type": "application/json",
        "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
    });
    expect(forged.status()).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: "signature_invalid" } });
  }
});
