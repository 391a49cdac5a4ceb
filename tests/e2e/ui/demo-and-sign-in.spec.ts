import { expect, test } from "@playwright/test";
import { OWNER_STATE, signIn, signUp } from "../support";

test("the landing page invites people in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Find AI agents");
  await page.getByRole("link", { name: "Get started" }).click();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a wrong password gets a clear error", async ({ page }) => {
  await signIn(page, "owner@acme.test", "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing up with a taken email says so", async ({ page }) => {
  await signUp(page, { name: "Copycat", email: "owner@acme.test" });
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();
});

test.describe("as the demo owner", () => {
  test.use({ storageState: OWNER_STATE });

  test("the dashboard shows Acme's real credits, members and keys", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
    // The seed granted 25,000; other specs run paid tasks as this owner, so the
    // figure is whatever the ledger says now: the same on the credits page.
    const available = page.getByTestId("credits-available");
    await expect(available).toHaveText(/^\d{1,2},\d{3}$/);
    const shown = Number((await available.textContent())!.replace(/,/g, ""));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(25_000);
    // Recent activity is the org's real audit log: the seed's company (its departments and hires) came last.
    await expect(
      page.getByText(/^(Department “.+” created|Position “.+” hired|Credits granted)/).first(),
    ).toBeVisible();
    await page.goto("/credits");
    await expect(page.getByTestId("credits-balance")).toHaveText(shown.toLocaleString("en-US"));
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Members" }).first().click();
    await expect(page.getByText("member@acme.test")).toBeVisible();
    await expect(page.getByText("viewer@acme.test")).toBeVisible();
  });

  test("signed-out visitors are sent to sign in", async ({ browser, baseURL }) => {
    // A context of its own with no cookies: the describe's storageState must not apply.
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
});
