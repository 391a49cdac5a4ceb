import { expect, test } from "@playwright/test";
import { buyThousandCredits, download, expectNoSidewaysScroll, runIncidentScribe } from "../money-support";
import { createOrg, OWNER_STATE, signUp, uniqueEmail } from "../support";

test("the owner's dashboard charts spend per day, lists runs and top agents, and says what happened", async ({
  page,
}) => {
  // A company of its own, so the demo org's numbers stay what other journeys expect.
  const orgName = `Dashco ${Date.now().toString(36)}`;
  await signUp(page, { name: "Dana Dashboard", email: uniqueEmail("dashboard") });
  await createOrg(page, orgName);
  await page.goto("/dashboard");
  await expect(page.getByText("No spend in the last 30 days")).toBeVisible();
  await expect(page.getByText("No runs yet")).toBeVisible();

  await buyThousandCredits(page);
  const price = await runIncidentScribe(page);
  await page.goto("/dashboard");

  // The spend chart is drawn (Recharts bars), with today's charge in it.
  const chart = page.getByTestId("spend-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.locator("figcaption li")).toHaveCount(30);
  await expect(chart.locator("figcaption li").last()).toHaveText(new RegExp(`: ${price}$`));
  await expect(page.getByTestId("month-spend")).toHaveText(String(price));
  await expect(page.getByTestId("credits-available")).toHaveText((1000 - price).toLocaleString("en-US"));
  await expect(page.getByTestId("recent-run").first()).toContainText("Northwind Incident Scribe");
  await expect(page.getByTestId("top-agents")).toContainText(`Northwind Incident Scribe${price} · 1 run`);

  // Activity rows carry their facts.
  await expect(page.getByTestId("activity-row").first()).toHaveText("Bought 1,000 credits for $10.00 · Dana Dashboard");

  // Each stat tile has one border: its own, not a card's around it.
  const borders = await page.getByTestId("credits-available").evaluate((el) => {
    let count = 0;
    for (let node: Element | null = el; node; node = node.parentElement)
      if (parseFloat(getComputedStyle(node).borderTopWidth) > 0) count += 1;
    return count;
  });
  expect(borders).toBe(1);

  // The full audit log: verify the chain, filter in the URL, download the CSV.
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("chain-verdict")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("chain-verdict")).toContainText("Chain intact");
  await page.getByLabel("Action").selectOption("credits.purchased");
  await expect(page).toHaveURL(/\?action=credits\.purchased$/);
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toContainText("Bought 1,000 credits for $10.00");
  const csv = await download(page, () => page.getByTestId("audit-csv").click());
  expect(csv.name).toMatch(/^bureau-audit-log-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csv.text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(rows[0]).toBe("Id,Date (UTC),Action,Summary,Actor,Actor email,Target,Data,Hash");
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(',credits.purchased,"Bought 1,000 credits for $10.00",Dana Dashboard,');
});

test.describe("as the demo owner", () => {
  test.use({ storageState: OWNER_STATE });

  test("the dashboard, audit log and credits fit a 390 px phone, tables scrolling inside themselves", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/dashboard", "/settings/audit", "/credits", "/credits/statement", "/settings/members"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expectNoSidewaysScroll(page);
    }
    // The statement's table is wider than the phone and scrolls in its own box.
    await page.goto("/credits/statement");
    const scroller = page
      .getByTestId("statement-line")
      .first()
      .locator("xpath=ancestor::div[contains(@class,'overflow-x-auto')][1]");
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(clientWidth).toBeLessThanOrEqual(390);
  });
});
