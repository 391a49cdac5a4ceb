import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

/**
 * /docs/api renders the generated OpenAPI document with the bundled Scalar
 * reference. Every request that leaves the app is refused and recorded: the
 * page must work, and look whole, on a machine with no other network.
 */
async function offline(page: Page, baseURL: string | undefined): Promise<string[]> {
  const outside: string[] = [];
  const origin = new URL(baseURL!).origin;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return outside;
}

test("a visitor reads the API reference, an operation and its scope, with nothing fetched from outside", async ({
  page,
  baseURL,
}) => {
  const outside = await offline(page, baseURL);
  await page.goto("/docs/api");
  await expect(page).toHaveTitle("API reference · Bureau");
  await expect(page.getByRole("link", { name: "Get an API key" })).toHaveAttribute(
    "href",
    "/sign-in?next=%2Fsettings%2Fapi-keys",
  );

  // Scalar builds the page from /api/v1/openapi.json in the browser.
  await expect(page.getByRole("heading", { level: 1, name: "Bureau API" })).toBeVisible({ timeout: 30_000 });
  await page.getByText("Read the org's event log", { exact: true }).filter({ visible: true }).first().click();
  const operation = page.getByRole("heading", { name: "Read the org's event log" });
  await expect(operation).toBeVisible();
  await expect(page.getByText("/api/v1/events", { exact: true }).filter({ visible: true }).first()).toBeVisible();
  // Every operation says its scope; this one's is events:read.
  await expect(
    page.getByText("Needs an org API key with the events:read scope.").filter({ visible: true }).first(),
  ).toBeVisible();
  const download = page.getByRole("link", { name: "OpenAPI", exact: true });
  await expect(download).toHaveAttribute("href", "/api/v1/openapi.json");
  expect(outside).toEqual([]);
});

test("on a phone the reference opens its menu and an operation without overflowing", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const outside = await offline(page, baseURL);
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Bureau API" })).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Open Menu" }).click();
  await page.getByText("Search the agent catalog", { exact: true }).filter({ visible: true }).first().click();
  await expect(page.getByRole("heading", { name: "Search the agent catalog" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(outside).toEqual([]);
});

test.describe("signed in", () => {
  test.use({ storageState: OWNER_STATE });

  test("the API keys page links to the reference, which links back to the keys", async ({ page }) => {
    await page.goto("/settings/api-keys");
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page).toHaveURL(/\/docs\/api$/);
    await page.getByRole("link", { name: "API keys" }).click();
    await expect(page).toHaveURL(/\/settings\/api-keys$/);
  });
});
