import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support";

const PHONE = { width: 390, height: 844 };

/** The page never scrolls sideways at 390 px: wide tables scroll inside themselves. */
async function expectFits(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
}

const heading = (name: string | RegExp) => async (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

test.use({ viewport: PHONE });

test("seller pages fit a 390 px phone", async ({ page }) => {
  await signIn(page, "seller@northwind.test");
  await expect(page).toHaveURL(/\/dashboard/);
  await expectFits(page, "/sell", async (p) => {
    await expect(p.getByTestId("seller-stats")).toBeVisible();
    await expect(p.getByTestId("listing-row").first()).toBeVisible();
  });
  // The listings table is wider than the phone and scrolls inside its own box.
  const table = page
    .getByTestId("listing-row")
    .first()
    .locator("xpath=ancestor::div[contains(@class,'overflow-x-auto')][1]");
  const box = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.scroll).toBeGreaterThan(box.client);

  await page.getByTestId("listing-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sell\/agents\//);
  await expectFits(page, page.url(), async (p) => {
    await expect(p.getByTestId("listing-status")).toBeVisible();
    await expect(
      p
        .getByTestId("health-check")
        .first()
        .or(p.getByRole("heading", { name: "Not checked yet", exact: true })),
    ).toBeVisible();
  });
  await expectFits(page, "/sell/new", heading("Publish an agent"));
  await expectFits(page, "/sell/reviews", heading("Reviews"));
  await expectFits(page, "/sell/payouts", heading(/Payouts/));
  await expectFits(page, "/settings/api-keys", heading("API keys"));
  await expectFits(page, "/no-such-page", heading("Page not found"));
  await expectFits(page, "/sell/agents/not%20an%20id", heading("Not found"));
});

test("admin pages fit a 390 px phone", async ({ page }) => {
  await signIn(page, "admin@bureau.test");
  await expect(page).toHaveURL(/\/dashboard/);
  await expectFits(page, "/admin/review", heading("Listing review"));
  await page.getByRole("tab", { name: /Published/ }).click();
  await expect(page.getByTestId("review-item").first()).toBeVisible();
  await page.getByTestId("review-item").first().getByText("Agent Card").click();
  await expect(page.getByTestId("review-card-json").first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  await expectFits(page, "/admin/revenue", heading(/revenue/i));
});
