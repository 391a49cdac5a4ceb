import { expect, test, type Page } from "@playwright/test";

/** The marketplace's current query string, as a map. */
const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const tiles = (page: Page) => page.getByTestId("catalog-results").getByTestId("agent-tile");
/** Waits for the results of the URL shown to be on screen (no navigation in flight). */
const settled = (page: Page) => expect(page.getByTestId("catalog-results")).not.toHaveAttribute("aria-busy", "true");

test("search, category, sort and page live in the URL: shareable, and Back walks them back", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto("/marketplace");
  await page.getByLabel("Search agents").fill("northwind");
  await expect(page).toHaveURL(/[?&]q=northwind/);
  await settled(page);

  const category = page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: /^Writing/ });
  const writingCount = Number((await category.textContent())?.replace(/\D/g, ""));
  await category.click();
  await expect(page).toHaveURL(/[?&]category=writing/);
  await settled(page);
  // The chip's count is what the category shows.
  await expect(tiles(page)).toHaveCount(writingCount);

  await page.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/[?&]sort=price_asc/);
  await settled(page);
  const prices = await tiles(page).getByTestId("tile-price").allTextContents();
  const numbers = prices.map((p) => Number(p.replace(/[^\d]/g, "")));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(params(page)).toEqual({ q: "northwind", category: "writing", sort: "price_asc" });

  // A shared link shows the same page to someone else.
  const other = await (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })).newPage();
  await other.goto(page.url());
  await expect(other.getByLabel("Search agents")).toHaveValue("northwind");
  await expect(other.getByLabel("Sort by")).toHaveValue("price_asc");
  await expect(tiles(other).getByTestId("tile-price")).toHaveText(prices);
  await other.context().close();

  // Back undoes one change at a time, and the controls follow.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByLabel("Sort by")).toHaveValue("relevance");
  await page.goBack();
  await expect(page).not.toHaveURL(/category=/);
  await expect(page.getByLabel("Search agents")).toHaveValue("northwind");
  await page.goBack();
  await expect(page).toHaveURL(/\/marketplace$/);
  await expect(page.getByLabel("Search agents")).toHaveValue("");
});

test("pages have their own URLs: Next, then Back returns to the first page", async ({ page }) => {
  await page.goto("/marketplace");
  const first = await tiles(page).first().textContent();
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 2");
  await expect(tiles(page).first()).not.toHaveText(first ?? "");
  await page.goBack();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 1");
  await expect(tiles(page).first()).toHaveText(first ?? "");
});

test("a bad filter value gets a message beside its field, never raw validation output", async ({ page }) => {
  await page.goto("/marketplace?minPrice=abc");
  const min = page.getByLabel("Min price");
  await expect(min).toHaveValue("abc");
  await expect(min).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a whole number of credits, like 50.")).toBeVisible();
  // The rest of the page still works: results, ignoring only the bad value.
  await expect(tiles(page).first()).toBeVisible();

  await min.fill("100");
  await page.getByLabel("Max price").fill("10");
  await page.getByLabel("Max price").press("Enter");
  await expect(page).toHaveURL(/minPrice=100&maxPrice=10/);
  await expect(page.getByText("The minimum price is above the maximum price.")).toBeVisible();
  await expect(page.getByLabel("Min price")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("body")).not.toContainText('"code"');
  await expect(page.locator("body")).not.toContainText("too_small");
});

test("category counts follow the active filters", async ({ page }) => {
  const counts = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await page.getByRole("navigation", { name: "Categories" }).getByRole("link").allTextContents())
        .map((t) => /^(.*?)\s*(\d[\d,]*)$/.exec(t))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], Number(m[2]!.replace(/,/g, ""))]),
    );
  await page.goto("/marketplace");
  const all = await counts();
  await page.goto("/marketplace?maxPrice=40");
  const cheap = await counts();
  expect(Object.values(cheap).reduce((a, b) => a + b, 0)).toBeLessThan(Object.values(all).reduce((a, b) => a + b, 0));
  for (const [label, count] of Object.entries(cheap)) expect(count).toBeLessThanOrEqual(all[label]!);
  // Each count is what that category shows under the same filter.
  const [label, count] = Object.entries(cheap)[0]!;
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: label }).click();
  await settled(page);
  await expect(tiles(page)).toHaveCount(count);
  for (const price of await tiles(page).getByTestId("tile-price").allTextContents())
    expect(Number(price.replace(/[^\d]/g, ""))).toBeLessThanOrEqual(40);
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the marketplace fits the screen and its filters open in a sheet", async ({ page }) => {
    await page.goto("/marketplace");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByRole("complementary").getByLabel("Min price")).toBeHidden();

    await page.getByRole("button", { name: "Filters" }).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await expect(sheet).toBeVisible();
    await sheet.getByLabel("Streams progress live").check();
    await expect(page).toHaveURL(/[?&]streaming=true/);
    await sheet.getByRole("button", { name: "Show results" }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
    await settled(page);
    await expect(tiles(page).first()).toContainText("Streaming");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("an agent page fits the screen, long code scrolls inside its block, and the run panel is near the top", async ({
    page,
  }) => {
    await page.goto("/agents/northwind-research-analyst");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const panelTop = await page.getByTestId("run-task-panel").evaluate((el) => el.getBoundingClientRect().top);
    expect(panelTop).toBeLessThan(2 * 844);
    // The card JSON has lines wider than the screen: its block scrolls, the page does not.
    const block = await page
      .getByTestId("agent-card-json")
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
    expect(block.scroll).toBeGreaterThan(block.client);
    expect(block.right).toBeLessThanOrEqual(390);
    await page.getByRole("tab", { name: "Python" }).click();
    await expect(page.getByTestId("snippet-python")).toContainText("urllib.request");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
