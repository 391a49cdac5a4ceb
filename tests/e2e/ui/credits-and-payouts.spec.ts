import { expect, test } from "@playwright/test";
import { createOrg, signIn, signUp, uniqueEmail } from "../support";
import { E2E_STRIPE } from "../stripe-e2e";

const STRIPE = `http://127.0.0.1:${E2E_STRIPE.port}`;

test("a buyer pays on Stripe Checkout and sees the credits once the signed webhook lands", async ({ page }) => {
  const orgName = `Buyer ${Date.now().toString(36)}`;
  await signUp(page, { name: "Bea Buyer", email: uniqueEmail("buyer") });
  await createOrg(page, orgName);

  await page.getByRole("link", { name: "Credits" }).first().click();
  await expect(page.getByTestId("credits-balance")).toHaveText("0");
  await page.getByRole("button", { name: "Buy 1,000 credits for $10.00" }).click();

  // Stripe's hosted page (the local Stripe server).
  await expect(page).toHaveURL(new RegExp(`^${STRIPE}/checkout/pay/cs_test_`));
  await expect(page.getByRole("heading", { name: "Pay $10.00" })).toBeVisible();
  await page.getByRole("button", { name: "Pay $10.00" }).click();

  // Back on Bureau before the webhook: processing, then the new balance.
  await expect(page).toHaveURL(/\/credits\/return\?session_id=cs_test_/);
  await expect(page.getByTestId("purchase-processing")).toBeVisible();
  await expect(page.getByTestId("purchase-credited")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("new-balance")).toHaveText("1,000");

  await page.getByRole("link", { name: "Back to credits" }).click();
  await expect(page.getByTestId("credits-balance")).toHaveText("1,000");
  const row = page.getByTestId("purchase-row").first();
  await expect(row).toContainText("paid");
  await expect(row.getByRole("link", { name: "Stripe receipt (opens Stripe)" })).toHaveAttribute(
    "href",
    new RegExp(`^${STRIPE}/receipts/`),
  );
  await row.getByRole("link", { name: "Receipt", exact: true }).click();
  await expect(page).toHaveURL(/\/credits\/receipts\/[\w-]+$/);
  await expect(page.getByTestId("receipt-amount")).toHaveText("$10.00");
  await expect(page.getByRole("link", { name: "Stripe's receipt" })).toHaveAttribute(
    "href",
    new RegExp(`^${STRIPE}/receipts/`),
  );
});

test("a seller starts Connect onboarding and sees what Stripe still needs", async ({ page }) => {
  await signUp(page, { name: "Sid Seller", email: uniqueEmail("seller") });
  await createOrg(page, `Seller ${Date.now().toString(36)}`);

  await page.getByRole("link", { name: "Payouts" }).first().click();
  await expect(page.getByText("You have not set up payouts yet.")).toBeVisible();
  await page.getByRole("button", { name: "Set up payouts" }).click();

  await expect(page).toHaveURL(new RegExp(`^${STRIPE}/connect/onboarding/`));
  await page.getByRole("button", { name: "Submit details (add bank account later)" }).click();

  await expect(page).toHaveURL(/\/sell\/payouts\?onboarding=return/);
  const requirements = page.getByTestId("requirements-due");
  await expect(requirements).toContainText("Bank account for payouts");
  await expect(page.getByText("Action needed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue onboarding" })).toBeVisible();
});

test("a platform admin grants credits, and the grant shows in the audited list", async ({ page }) => {
  await signIn(page, "admin@bureau.test");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Revenue" }).first().click();
  await expect(page.getByText("Ledger check passed")).toBeVisible();

  const reason = `E2E pilot ${Date.now().toString(36)}`;
  await page.getByLabel("Find organization").fill("northwind");
  const option = page.locator("option", { hasText: "Northwind Labs" });
  await expect(option).toHaveCount(1);
  await page.getByLabel("Organization", { exact: true }).selectOption((await option.getAttribute("value"))!);
  await page.getByLabel("Credits", { exact: true }).fill("1500");
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByTestId("grant-row").filter({ hasText: reason })).toContainText("1,500");
});
