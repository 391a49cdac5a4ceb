import { expect, test } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.describe("signed out", () => {
  test("an unknown address is a styled 404 with the way back, and no icon request fails", async ({ page }) => {
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const response = await page.goto("/this-page-does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found · Bureau");
    const panel = page.getByTestId("not-found-page");
    await expect(panel.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(panel.getByRole("link", { name: "Browse the marketplace" })).toHaveAttribute("href", "/marketplace");
    // The only failure is the page itself: no favicon or icon 404.
    expect(failed).toEqual(["404 /this-page-does-not-exist"]);

    const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    expect(icon).toMatch(/^\/icon\.svg/);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
  });

  test("the app icon, favicon and touch icon are served", async ({ request }) => {
    const svg = await request.get("/icon.svg");
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    expect(await svg.text()).toContain("<svg");
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    const apple = await request.get("/apple-icon.png");
    expect(apple.status()).toBe(200);
    expect(apple.headers()["content-type"]).toBe("image/png");
  });
});

test.describe("signed in", () => {
  test.use({ storageState: OWNER_STATE });

  test("a malformed record address is a 404 inside the app, with the navigation still there", async ({ page }) => {
    await page.goto("/sell/agents/not%20an%20id");
    // The section's loading state has streamed before the page said "not found", so the status cannot
    // change any more; Next.js marks such a page noindex instead.
    await expect(page.locator('meta[name="robots"][content="noindex"]').first()).toBeAttached();
    const panel = page.getByTestId("not-found-page");
    await expect(panel.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await panel.getByRole("link", { name: "Go to the dashboard" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
