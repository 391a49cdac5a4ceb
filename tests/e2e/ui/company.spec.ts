import { expect, test, type Page } from "@playwright/test";
import { createOrg, OWNER_STATE, signIn, signUp, uniqueEmail } from "../support";

const PHONE = { width: 390, height: 844 };

/** The hire dialog, filled in and sent: the department by its name, a title, and optional terms. */
async function hire(page: Page, opts: { department: string; title: string; instructions?: string; ceiling?: string }) {
  const dialog = page.getByTestId("hire-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Department").selectOption({ label: opts.department });
  await dialog.getByLabel("Title").fill(opts.title);
  if (opts.instructions) await dialog.getByLabel("Standing instructions").fill(opts.instructions);
  if (opts.ceiling) await dialog.getByLabel("Per-task ceiling (credits)").fill(opts.ceiling);
  await dialog.getByRole("button", { name: "Hire", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${opts.title} hired into ${opts.department}.`)).toBeVisible();
}

/** The page never scrolls sideways at 390 px; a failure names what sticks out. */
async function expectNoSidewaysScroll(page: Page) {
  const { width, wide } = await page.evaluate((max) => {
    const sticking = [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > max);
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()} class="${el.className}">${el.textContent?.slice(0, 40)}`;
    return { width: document.documentElement.scrollWidth, wide: sticking.slice(0, 5).map(describe) };
  }, PHONE.width);
  expect(width, `${page.url()} is ${width} px wide: ${wide.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
}

/**
 * A new company: create a department, hire into it from an agent page, a
 * marketplace card and the department page's search; see it on the chart, on
 * its page, and as a list on a phone.
 */
test("create a department, hire into it from the marketplace, see it on the chart and its page", async ({ page }) => {
  // Nine pages and three hires in one journey.
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const department = `Launch desk ${suffix}`;
  await signUp(page, { name: "Cora Company", email: uniqueEmail("company") });
  await createOrg(page, `Company ${suffix}`);

  await test.step("an empty company explains departments and creates the first", async () => {
    await page.getByRole("link", { name: "Company", exact: true }).first().click();
    await expect(page).toHaveURL(/\/company$/);
    await expect(page.getByText("No departments yet")).toBeVisible();
    await page.getByRole("button", { name: "Create department" }).click();
    const dialog = page.getByTestId("new-department-dialog");
    await dialog.getByLabel("Name").fill(department);
    await dialog.getByLabel("Mission").fill("Launch posts, checked before they go out.");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(/\/company\/launch-desk-/);
    await expect(page.getByRole("heading", { level: 1, name: department })).toBeVisible();
    await expect(page.getByText("Launch posts, checked before they go out.")).toBeVisible();
    await expect(page.getByText("No staff yet")).toBeVisible();
  });
  const departmentPath = new URL(page.url()).pathname;

  await test.step("hire from the agent page", async () => {
    await page.goto("/agents/northwind-blog-writer");
    await page.getByTestId("hire-button").click();
    await expect(page.getByTestId("hire-agent")).toContainText("Northwind Blog Writer");
    await expect(page.getByTestId("hire-dialog").getByLabel("Title")).toHaveValue("Northwind Blog Writer");
    await hire(page, {
      department,
      title: "Launch writer",
      instructions: "Plain words, no hype.",
      ceiling: "300",
    });
    await page.getByRole("link", { name: `Open ${department}` }).click();
    await expect(page).toHaveURL(new RegExp(`${departmentPath}$`));
    const row = page.getByTestId("staff-row").filter({ hasText: "Launch writer" });
    await expect(row).toContainText("Northwind Blog Writer");
    await expect(row).toContainText("300");
    await expect(row).toContainText("“Plain words, no hype.”");
    await expect(row).toContainText("Active");
  });

  await test.step("hire from a marketplace card", async () => {
    await page.goto("/marketplace?q=copy%20editor");
    const tile = page.getByTestId("agent-tile").filter({ hasText: "Northwind Copy Editor" });
    await tile.getByTestId("hire-button").click();
    await hire(page, { department, title: "Launch copy editor" });
  });

  await test.step("hire from the department page's marketplace search, then pause a position", async () => {
    await page.goto(departmentPath);
    await page.getByRole("button", { name: "Hire from marketplace" }).click();
    const dialog = page.getByTestId("hire-dialog");
    await dialog.getByLabel("Search the marketplace").fill("privacy");
    await dialog
      .getByTestId("hire-search-results")
      .getByRole("button", { name: /Northwind Privacy Auditor/ })
      .click();
    await expect(dialog.getByLabel("Title")).toHaveValue("Northwind Privacy Auditor");
    // The department page hires into itself: nothing to choose.
    await expect(dialog.getByLabel("Department")).toHaveValue(/.+/);
    await dialog.getByRole("button", { name: "Hire", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("staff-row")).toHaveCount(3);

    await page.getByRole("button", { name: "Actions for Launch copy editor" }).click();
    await page.getByRole("menuitem", { name: "Pause" }).click();
    await expect(page.getByTestId("staff-row").filter({ hasText: "Launch copy editor" })).toContainText("Paused");
  });

  await test.step("the org chart shows the department and its staff", async () => {
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Company" }).click();
    await expect(page.getByTestId("org-chart-canvas")).toBeVisible();
    const card = page.getByTestId("org-chart-canvas").getByTestId("department-card");
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(department);
    await expect(card.getByTestId("chart-position")).toHaveText([
      /Launch writer\s*Northwind Blog Writer/,
      /Launch copy editor\s*Northwind Copy Editor\s*Paused/,
      /Northwind Privacy Auditor/,
    ]);
    await expect(card.getByTestId("department-spend")).toContainText("0 credits, no cap");
    await expect(page.getByTestId("org-card")).toContainText(`Company ${suffix}`);
    // The list alternative holds the same department.
    await page.getByRole("tab", { name: "List" }).click();
    await expect(page.getByTestId("org-chart-list").getByTestId("department-card")).toContainText(department);
  });

  await test.step("on a 390 px phone the chart is a nested list and the department page fits", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/company");
    const list = page.getByTestId("org-chart-list");
    await expect(list.getByTestId("department-card")).toContainText(department);
    await expect(page.getByTestId("org-chart-canvas")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await list.getByRole("link", { name: department }).click();
    await expect(page.getByRole("heading", { level: 1, name: department })).toBeVisible();
    await expect(page.getByTestId("staff-list").getByText("Launch writer")).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test("a team under its department, a budget and approval policy on the chart, archive and restore", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  await signUp(page, { name: "Tess Teams", email: uniqueEmail("teams") });
  await createOrg(page, `Teams ${suffix}`);
  await page.goto("/company");
  await page.getByRole("button", { name: "Create department" }).click();
  await page.getByTestId("new-department-dialog").getByLabel("Name").fill("Marketing");
  await page.getByTestId("new-department-dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marketing" })).toBeVisible();

  await page.getByRole("button", { name: "New team" }).click();
  const dialog = page.getByTestId("new-department-dialog");
  await expect(dialog.getByLabel("Part of")).toHaveValue(/.+/);
  await dialog.getByLabel("Name").fill("Content");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Content" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Marketing");

  await page.goto("/company");
  const canvas = page.getByTestId("org-chart-canvas");
  await expect(canvas.getByTestId("department-card")).toHaveCount(2);
  // Laid out top down: the team's card below its department's.
  const marketing = await canvas.locator('[data-slug="marketing"]').boundingBox();
  const content = await canvas.locator('[data-slug="content"]').boundingBox();
  expect(content!.y).toBeGreaterThan(marketing!.y + marketing!.height);

  await page.getByRole("tab", { name: "List" }).click();
  await expect(page.getByRole("group", { name: "Teams of Marketing" }).getByTestId("department-card")).toContainText(
    "Content",
  );

  await test.step("a budget and an approval policy, set on the department page, show on the chart", async () => {
    await page.goto("/company/marketing");
    const budget = page.getByTestId("department-budget");
    await budget.getByLabel("Monthly cap (credits)").fill("0");
    await budget.getByRole("button", { name: "Save cap" }).click();
    await expect(budget.getByText("A cap is at least 1 credit")).toBeVisible();
    await budget.getByLabel("Monthly cap (credits)").fill("1,500");
    await budget.getByRole("button", { name: "Save cap" }).click();
    await expect(budget).toContainText("1,500 credits");
    const policy = page.getByTestId("department-policy");
    await policy.getByLabel("Approval policy").selectOption({ label: "Tasks over a price" });
    await policy.getByLabel("Approval over (credits)").fill("250");
    await policy.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByTestId("policy-badge")).toHaveText("Approval over 250");
    await page.goto("/company");
    const card = page.getByTestId("org-chart-canvas").locator('[data-slug="marketing"]');
    await expect(card.getByTestId("policy-badge")).toHaveText("Approval over 250");
    await expect(card.getByTestId("department-spend")).toContainText("0 of 1,500 credits");
    await expect(card.getByTestId("department-activity")).toContainText("Department updated: Marketing");
  });

  await test.step("an archived team leaves the chart until archived ones are shown, and comes back", async () => {
    await page.goto("/company/content");
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Archive" }).click();
    await page.getByTestId("archive-dialog").getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText("This department is archived")).toBeVisible();
    await expect(page.getByRole("button", { name: "Ask this department" })).toHaveCount(0);
    await page.goto("/company");
    const cards = page.getByTestId("org-chart-canvas").getByTestId("department-card");
    await expect(cards).toHaveCount(1);
    await page.getByLabel("Show archived").check();
    await expect(cards).toHaveCount(2);
    await expect(cards.filter({ hasText: "Content" })).toContainText("Archived");
    await page.goto("/company/content");
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Restore" }).click();
    await page.getByTestId("archive-dialog").getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("button", { name: "Ask this department" })).toBeVisible();
  });
});

test.describe("as a member", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the chart offers no structure changes to a member", async ({ page }) => {
    await signIn(page, "member@acme.test");
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/company");
    await expect(page.getByTestId("org-figures").or(page.getByText("No departments yet"))).toBeVisible();
    await expect(page.getByRole("button", { name: /^(New department|Create department)$/ })).toHaveCount(0);
  });
});

test.describe("as the demo owner", () => {
  test.use({ storageState: OWNER_STATE });

  test("an unknown department is not found", async ({ page }) => {
    await page.goto("/company/no-such-department");
    await expect(page.getByText("Department not found")).toBeVisible();
    await expect(page.getByRole("link", { name: "The company" })).toBeVisible();
  });
});
