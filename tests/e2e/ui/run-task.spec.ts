import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

declare global {
  interface Window {
    runLog?: {
      progress2At: number | null;
      partialAt: number | null;
      liveAt: number | null;
      completedAt: number | null;
    };
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
  // up, when a result showed while still arriving, when the live badge said
  // "Live", and when the run first showed as completed. Client-side
  // navigation keeps this document from the agent page to the task page.
  await page.addInitScript(() => {
    window.runLog = { progress2At: null, partialAt: null, liveAt: null, completedAt: null };
    setInterval(() => {
      const log = window.runLog!;
      const now = performance.now();
      if (log.progress2At === null && document.querySelectorAll('[data-testid="progress-line"]').length >= 2)
        log.progress2At = now;
      const partial = document.querySelector('[data-testid="artifact"][data-complete="false"]');
      if (log.partialAt === null && partial?.textContent?.includes("heat pumps")) log.partialAt = now;
      const badge = document.querySelector('[data-testid="stream-status"]');
      if (log.liveAt === null && badge?.getAttribute("data-status") === "live" && badge.textContent === "Live")
        log.liveAt = now;
      if (log.completedAt === null && document.querySelector('[data-testid="task-state"][data-state="COMPLETED"]'))
        log.completedAt = now;
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
  // The result showed while the agent was still sending it, under a "Live" badge.
  expect(log.partialAt, "a partial result was shown before the run ended").not.toBeNull();
  expect(log.partialAt!).toBeLessThan(log.completedAt!);
  expect(log.liveAt, 'the badge said "Live" during the run').not.toBeNull();
  expect(log.liveAt!).toBeLessThan(log.completedAt!);
  await expect(page.getByTestId("timeline-status").filter({ hasText: /^Completed/ })).toBeVisible();
  await expect(page.getByTestId("artifact").first()).toContainText("heat pumps");
  await expect(page.getByTestId("task-charge")).toHaveText(`${price} credits charged`);

  await expect.poll(() => dashboardCredits(page), { timeout: 15_000 }).toBe(before - price);

  // A reload shows the whole run: every progress update, the whole result.
  await page.goto(taskUrl);
  await expect(page.getByTestId("progress-line").filter({ hasText: /\d\/4/ })).toHaveCount(4);
  await expect(page.getByTestId("artifact").first()).toContainText("Next steps");

  // Review it from the run's page; it then shows on the agent's page.
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
