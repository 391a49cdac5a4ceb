import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";
import type { FeedBenchResult } from "@/components/console/feed-bench";

test.use({ storageState: OWNER_STATE });

const numberIn = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/[^\d]/g, ""));

/** Opens the console and marks the document, so a reload (which would drop the mark) is caught. */
async function openConsole(page: Page, query = "") {
  await page.goto(`/console${query}`);
  await expect(page.getByTestId("feed-status")).toHaveText(/Live/, { timeout: 30_000 });
  await expect(page.getByTestId("console-in-flight")).toBeVisible();
  await page.evaluate(() => ((window as { consoleMark?: number }).consoleMark = 1));
}
const stillSameDocument = (page: Page) => page.evaluate(() => (window as { consoleMark?: number }).consoleMark === 1);

test("the console shows a run start, move and finish live, without a reload", async ({ page, context }) => {
  await openConsole(page);
  const finishedBefore = await numberIn(page, "console-finished");
  const feed = page.getByTestId("event-feed");

  // Run a task from another tab, the way a buyer does.
  const buyer = await context.newPage();
  await buyer.goto("/marketplace");
  await buyer.getByLabel("Search agents").fill("Northwind Research Analyst");
  await buyer.getByTestId("agent-tile").getByRole("link", { name: "Northwind Research Analyst", exact: true }).click();
  const panel = buyer.getByTestId("run-task-panel");
  await panel.getByLabel("What should it do?").fill("Console watch: heat pumps in Nordic homes");
  await panel.getByRole("button", { name: /^Run for/ }).click();
  await expect(buyer).toHaveURL(/\/tasks\/[\w-]+$/, { timeout: 30_000 });
  const taskId = buyer.url().split("/").at(-1)!;

  // The feed shows the run's own events as they happen, and the snapshot follows them.
  const rowsOfTask = feed.getByTestId("feed-row").filter({ hasText: taskId.slice(0, 8) });
  await expect(feed.locator('[data-testid="feed-row"][data-type="task.created"]').first()).toBeVisible();
  await expect(page.getByTestId("in-flight-row").filter({ hasText: "Northwind Research Analyst" })).toBeVisible();
  await expect.poll(() => numberIn(page, "console-in-flight")).toBeGreaterThan(0);

  await expect(buyer.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED", { timeout: 30_000 });
  await expect(feed.locator('[data-testid="feed-row"][data-type="task.settled"]').first()).toBeVisible();
  await expect.poll(() => numberIn(page, "console-finished"), { timeout: 15_000 }).toBeGreaterThan(finishedBefore);
  await expect(page.getByRole("img", { name: /completed and failed per minute/ })).toBeVisible();
  await expect(page.getByTestId("latency-chart")).toContainText("Northwind Research Analyst");
  await expect(page.getByTestId("agent-health")).toContainText("Northwind Research Analyst");
  expect(await rowsOfTask.count()).toBeGreaterThan(0);

  // Filters: Budgets hides the task rows, the text finds them again.
  await feed.getByRole("button", { name: "Budgets" }).click();
  await expect(feed.locator('[data-testid="feed-row"][data-type^="task."]')).toHaveCount(0);
  await feed.getByRole("button", { name: "Budgets" }).click();
  await feed.getByLabel("Filter events").fill("task.settled");
  await expect(feed.getByTestId("feed-row").first()).toHaveAttribute("data-type", "task.settled");

  await expect(page.getByTestId("approvals-empty")).toHaveText("Approvals arrive with departments");
  expect(await stillSameDocument(page), "the console never reloaded").toBe(true);
});

test("1,000 synthetic events a second for 3 s: every one reaches the feed; frame times recorded", async ({ page }) => {
  await openConsole(page, "?feedbench=1");
  await page.getByTestId("feedbench-run").click();
  const result = page.getByTestId("feedbench-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  const measured = JSON.parse((await result.getAttribute("data-result"))!) as FeedBenchResult;
  // Speed is reported, not asserted (docs/performance.md); what must hold is that nothing was lost.
  expect(measured.eventsSent).toBe(3_000);
  expect(measured.eventsAccepted).toBe(3_000);
  expect(measured.frames).toBeGreaterThan(0);
  const feed = page.getByTestId("event-feed");
  await expect(feed.getByTestId("feed-row").first()).toContainText("synthetic");
  // Virtualized: thousands of events, a screenful of rows in the DOM.
  expect(await feed.getByTestId("feed-row").count()).toBeLessThan(60);
  expect(await numberIn(page, "feed-count")).toBeGreaterThanOrEqual(3_000);

  const out = path.join("test-results", "console-frames.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), ...measured }, null, 2)}\n`);
  expect(await stillSameDocument(page)).toBe(true);
});

test("the console at 390 px: no sideways scroll, the table scrolls inside its card", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openConsole(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId("event-feed")).toBeVisible();
});
