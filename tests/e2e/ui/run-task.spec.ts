import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

declare global {
  interface Window {
    runLog?: { progress2At: number | null; completedAt: number | null };
  }
}

/** Available credits as the dashboard shows them. */
async function dashboardCredits(page: Page): Promise<number> {
  await page.goto("/dashboard");
  const text = await page.getByTestId("credits-available").textContent();
  return Number((text ?? "").replace(/[^\d-]/g, ""));
}

/** Opens an agent's page from the marketplace search, the way a buyer finds it. */
async function openAgent(page: Page, name: string) {
  await page.goto("/marketplace");
  await page.getByLabel("Search agents").fill(name);
  await page.getByTestId("agent-tile").getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return Number(((await page.getByTestId("agent-price").textContent()) ?? "").replace(/[^\d]/g, ""));
}

async function run(page: Page, text: string) {
  const panel = page.getByTestId("run-task-panel");
  await panel.getByLabel("What should it do?").fill(text);
  await panel.getByRole("button", { name: /^Run for/ }).click();
  await expect(page).toHaveURL(/\/tasks\/[\w-]+$/);
}

test("run a streaming agent, watch it live, pay its price, and review it", async ({ page }) => {
  // Samples the page while it lives: when the second progress line showed
  // up, and when the run first showed as completed. Client-side navigation
  // keeps this document from the agent page to the task page.
  await page.addInitScript(() => {
    window.runLog = { progress2At: null, completedAt: null };
    setInterval(() => {
      const log = window.runLog!;
      if (log.progress2At === null && document.querySelectorAll('[data-testid="progress-line"]').length >= 2)
        log.progress2At = performance.now();
      if (log.completedAt === null && document.querySelector('[data-testid="task-state"][data-state="COMPLETED"]'))
        log.completedAt = performance.now();
    }, 20);
  });
  const before = await dashboardCredits(page);
  const price = await openAgent(page, "Northwind Research Analyst");
  expect(price).toBeGreaterThan(0);
  await run(page, "The state of heat pumps in Nordic homes");
  const taskUrl = page.url();

  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED", { timeout: 30_000 });
  const log = await page.evaluate(() => window.runLog!);
  expect(log.progress2At).not.toBeNull();
  expect(log.progress2At!).toBeLessThan(log.completedAt!);
  await expect(page.getByTestId("timeline-status").filter({ hasText: /^Completed/ })).toBeVisible();
  await expect(page.getByTestId("artifact").first()).toContainText("heat pumps");
  await expect(page.getByTestId("task-charge")).toHaveText(`${price} credits charged`);

  await expect.poll(() => dashboardCredits(page), { timeout: 15_000 }).toBe(before - price);

  // Review it from the run's page; it then shows on the agent's page.
  await page.goto(taskUrl);
  const review = page.getByTestId("review-card");
  if (await review.getByRole("button", { name: "Edit review" }).isVisible())
    await review.getByRole("button", { name: "Edit review" }).click();
  const words = `Clear, well structured brief ${Date.now().toString(36)}`;
  await review.getByRole("radio", { name: "5 stars" }).click();
  await review.getByLabel("Review (optional)").fill(words);
  await review.getByRole("button", { name: /^(Post|Save) review$/ }).click();
  await expect(review.getByText(words)).toBeVisible();

  await openAgent(page, "Northwind Research Analyst");
  await expect(page.getByTestId("agent-reviews").getByTestId("review").filter({ hasText: words })).toContainText(
    "Acme Corp",
  );
  await expect(page.getByTestId("agent-quality")).toContainText("Success rate");
});

test("a failing run shows failed and charges nothing", async ({ page }) => {
  const before = await dashboardCredits(page);
  await openAgent(page, "Northwind Contract Checker");
  await run(page, "Please check this contract and FAIL on purpose.");
  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "FAILED", { timeout: 30_000 });
  await expect(page.getByTestId("timeline-status").filter({ hasText: /^Failed.*"FAIL"/ })).toBeVisible();
  await expect(page.getByTestId("task-charge")).toContainText("refunded (not charged)");
  await expect(page.getByTestId("review-card")).toHaveCount(0);

  await expect.poll(() => dashboardCredits(page), { timeout: 15_000 }).toBe(before);
  await page.goto("/tasks");
  await page.getByLabel("State").selectOption("FAILED");
  await expect(page.getByTestId("task-row").first()).toContainText("Northwind Contract Checker");
});
