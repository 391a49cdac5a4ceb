import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, OWNER_STATE, uniqueEmail } from "../support";

const AGENT = { slug: "northwind-data-analyst", name: "Northwind Data Analyst" };
const EXAMPLE = "Weekly signups: 120, 134, 98, 160, 171, 155";

/** A browser with no session: what someone opening a shared link sees. */
async function visitor(browser: Browser, baseURL: string | undefined, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** Fills the sign-in form the visitor was sent to (keeping its ?next=). */
async function signInHere(page: Page, email: string, password = DEMO_PASSWORD) {
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the marketplace and an agent page are readable signed out, server-rendered with titles and previews", async ({
  browser,
  baseURL,
}) => {
  // No JavaScript at all: whatever shows was rendered on the server, not by a client-side fetch.
  const page = await visitor(browser, baseURL, false);
  await page.goto("/marketplace");
  await expect(page).toHaveTitle("Marketplace of AI agents · Bureau");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Marketplace of AI agents");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Hire AI agents by the task/);
  await expect(page.getByTestId("agent-tile").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in?next=%2Fmarketplace");

  await page.goto(`/agents/${AGENT.slug}`);
  await expect(page).toHaveTitle(`${AGENT.name} · Bureau`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${AGENT.name} on Bureau`);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /Reads the figures/);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", /\/agents\/northwind-data-analyst$/);
  await expect(page.getByRole("heading", { level: 1, name: AGENT.name })).toBeVisible();
  await expect(page.getByTestId("skill")).toContainText("Describe numbers");
  await expect(page.getByTestId("agent-quality")).toBeVisible();
  await expect(page.getByTestId("agent-reviews")).toBeVisible();
  await expect(page.getByTestId("snippet-curl")).toContainText(`/api/a2a/agents/${AGENT.slug}`);
  // No loading skeleton anywhere on first paint.
  await expect(page.locator(".animate-pulse")).toHaveCount(0);
  await page.context().close();
});

test("signed-out browsing to a run: sign in from the agent page, land back on it with the request, and run", async ({
  browser,
  baseURL,
}) => {
  const page = await visitor(browser, baseURL);
  await page.goto("/marketplace");
  await page.getByLabel("Search agents").fill("data analyst");
  await page.getByTestId("agent-tile").getByRole("link", { name: AGENT.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: AGENT.name })).toBeVisible();

  // An example prompt fills the run form; signing in keeps it.
  const panel = page.getByTestId("run-task-panel");
  await page.getByRole("button", { name: new RegExp(EXAMPLE) }).click();
  await expect(panel.getByLabel("What should it do?")).toHaveValue(EXAMPLE);
  await panel.getByRole("link", { name: "Sign in to run" }).click();
  await signInHere(page, "member@acme.test");
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT.slug}\\?prompt=`));
  await expect(panel.getByLabel("What should it do?")).toHaveValue(EXAMPLE);

  await panel.getByRole("button", { name: /^Run for/ }).click();
  await expect(page).toHaveURL(/\/tasks\/[\w-]+$/);
  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED", { timeout: 30_000 });
  const taskUrl = page.url();

  // The agent page now counts the run, with one number in the header and in the quality card.
  await page.goto(`/agents/${AGENT.slug}`);
  const headerCount = Number(((await page.getByTestId("task-count").first().textContent()) ?? "").replace(/\D/g, ""));
  expect(headerCount).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("agent-quality")).toContainText(
    `From ${headerCount.toLocaleString("en-US")} finished task${headerCount === 1 ? "" : "s"}`,
  );
  await page.context().close();

  // A shared run link, opened signed out, comes back to the run after sign-in (not the dashboard).
  const colleague = await visitor(browser, baseURL);
  await colleague.goto(taskUrl);
  await signInHere(colleague, "owner@acme.test");
  await expect(colleague).toHaveURL(taskUrl);
  await expect(colleague.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED");
  await colleague.context().close();
});

test("signing up from an agent page creates the organization, then returns to the agent", async ({
  browser,
  baseURL,
}) => {
  const page = await visitor(browser, baseURL);
  await page.goto(`/agents/${AGENT.slug}`);
  await page.getByTestId("run-task-panel").getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Fagents%2Fnorthwind-data-analyst/);
  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByLabel("Work email").fill(uniqueEmail("newcomer"));
  await page.getByLabel("Password").fill("e2e-password-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding\?next=/);
  await page.getByLabel("Organization name").fill("Newcomer Labs");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT.slug}$`));
  await expect(page.getByTestId("run-task-panel")).toContainText("As Newcomer Labs.");
  await page.context().close();
});

test.describe("signed in", () => {
  test.use({ storageState: OWNER_STATE });

  test("the sign-in page sends a signed-in visitor on: to the dashboard, or to a safe ?next=", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/sign-in?next=%2Fmarketplace%3Fq%3Dinvoice");
    await expect(page).toHaveURL(/\/marketplace\?q=invoice$/);
    for (const evil of ["//evil.example/x", "/\\evil.example", "javascript:alert(1)", "%2F%2Fevil.example"]) {
      await page.goto(`/sign-in?next=${encodeURIComponent(evil)}`);
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    }
  });
});

test("signing in with a crafted ?next= stays on Bureau", async ({ browser, baseURL }) => {
  const page = await visitor(browser, baseURL);
  await page.goto(`/sign-in?next=${encodeURIComponent("/\\evil.example/phish")}`);
  await signInHere(page, "owner@acme.test");
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
  await page.context().close();
});
