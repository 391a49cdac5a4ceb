import { expect, test, type Page } from "@playwright/test";
import { buyThousandCredits } from "../money-support";
import { createOrg, signIn, signUp, uniqueEmail } from "../support";

const DEMO_AGENT = "northwind-research-analyst";

/** Waits on a run page until the run finished, having shown its progress and its result. */
async function watchRunComplete(page: Page) {
  await expect(page).toHaveURL(/\/tasks\/[\w-]+$/);
  await expect(page.getByTestId("progress-line").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("artifact").first()).toBeVisible();
  await expect(page.getByTestId("timeline-artifact").first()).toBeVisible();
}

test("a seller lists an agent, test-runs it free, gets it approved, earns, pauses and unpublishes it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  await signUp(page, { name: "Tess Seller", email: uniqueEmail("seller") });
  await createOrg(page, `Testbench ${suffix}`);

  // An empty overview says how selling works.
  await page.goto("/sell");
  await expect(page.getByText("No listings yet")).toBeVisible();
  await expect(page.getByTestId("earned-this-month")).toHaveText("0");
  await page.getByRole("link", { name: "Publish an agent" }).first().click();
  await page.getByLabel("Card URL").fill(`${baseURL}/api/demo-agents/${DEMO_AGENT}/.well-known/agent-card.json`);
  await page.getByLabel("Price per task (credits)").fill("12");
  await page.getByLabel("Research").check();
  await page.getByRole("button", { name: "Create draft listing" }).click();
  await expect(page).toHaveURL(/\/sell\/agents\/[\w-]+$/);
  const listingUrl = page.url();
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await expect(page.getByTestId("listing-status")).toHaveText("Draft");

  // The free test run: the same live run page buyers get, and nothing charged.
  const testRun = page.getByTestId("test-run-card");
  await testRun.getByLabel("Request").fill("The state of small modular reactors");
  await testRun.getByRole("button", { name: "Run a free test" }).click();
  await watchRunComplete(page);
  await expect(page.getByTestId("task-charge")).toHaveText("Free");
  await expect(page.getByText("Nothing is held or charged")).toBeVisible();

  await page.goto(listingUrl);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("listing-status")).toHaveText("In review");

  // The platform admin sees the card, its health, and that the endpoint is the seeded listing's too.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@bureau.test");
  await expect(admin).toHaveURL(/\/dashboard/);
  await admin.goto("/admin/review");
  // Its byline names the seller's company (the agent's own name is the seeded listing's too, and other
  // listings on the same endpoint name this seller in their warnings).
  const item = admin
    .getByTestId("review-item")
    .filter({ has: admin.getByText(new RegExp(`^Testbench ${suffix} · 12 credits/task`)) });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("same-endpoint-warning")).toContainText("Northwind Research Analyst");
  await expect(item.getByTestId("same-endpoint-warning")).toContainText("Northwind Labs");
  await expect(item.getByTestId("last-health-check")).toContainText("never checked");
  await item.getByRole("button", { name: "Check now" }).click();
  await expect(item.getByTestId("last-health-check")).toContainText("OK");
  await item.getByText("Agent Card").click();
  await expect(item.getByTestId("review-card-json")).toContainText('"skills"');
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByText(`${name} is published.`)).toBeVisible();
  await adminContext.close();

  await page.goto(listingUrl);
  await expect(page.getByTestId("listing-status")).toHaveText("Published");
  await expect(page.getByTestId("test-run-card")).toHaveCount(0);
  const agentPath = await page.getByRole("link", { name: "View in marketplace" }).getAttribute("href");

  // A buyer company runs it and pays.
  const buyerContext = await browser.newContext({ baseURL });
  const buyer = await buyerContext.newPage();
  await signUp(buyer, { name: "Bea Buyer", email: uniqueEmail("buyer") });
  await createOrg(buyer, `Buyco ${suffix}`);
  await buyThousandCredits(buyer);
  await buyer.goto(agentPath!);
  const panel = buyer.getByTestId("run-task-panel");
  await panel.getByLabel("What should it do?").fill("Heat pumps in Nordic homes");
  await panel.getByRole("button", { name: "Run for 12 credits" }).click();
  await watchRunComplete(buyer);
  await expect(buyer.getByTestId("task-charge")).toHaveText(/12 credits charged/, { timeout: 15_000 });

  // The seller's numbers: 12 credits less the platform's 20% (rounded down) is 10; the test run is not counted.
  await page.goto("/sell");
  await expect(page.getByTestId("earned-this-month")).toHaveText("10");
  await expect(page.getByTestId("tasks-this-month")).toHaveText("1");
  const row = page.getByTestId("listing-row").filter({ hasText: name });
  await expect(row.getByTestId("listing-earned")).toHaveText("10");
  await expect(row.getByTestId("listing-tasks")).toContainText("1");
  await expect(page.getByRole("link", { name: /No reviews yet/ })).toHaveAttribute("href", "/sell/reviews");

  // Paused: a buyer with the page still open is told why the run cannot start.
  await buyer.goto(agentPath!);
  await page.goto(listingUrl);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("listing-status")).toHaveText("Paused");
  await expect(page.getByTestId("paused-notice")).toBeVisible();
  await panel.getByLabel("What should it do?").fill("One more, please");
  await panel.getByRole("button", { name: "Run for 12 credits" }).click();
  await expect(panel.getByRole("alert")).toContainText("is paused by its seller");
  expect((await buyer.goto(agentPath!))?.status()).toBe(404);

  await page.getByRole("button", { name: "Resume" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("listing-status")).toHaveText("Published");
  expect((await buyer.goto(agentPath!))?.status()).toBe(200);

  await page.getByRole("button", { name: "Unpublish" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("listing-status")).toHaveText("Unpublished");
  // A draft again: it can be tested for free again, and is off the marketplace.
  await expect(page.getByTestId("test-run-card")).toBeVisible();
  expect((await buyer.goto(agentPath!))?.status()).toBe(404);
  await buyerContext.close();
});
