import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

const SHOTS = path.join("test-results", "company-ask");

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Approves the one approval the plan panel shows now, and waits for it to leave. */
async function approveShown(page: Page, title: RegExp) {
  const approvals = page.getByTestId("plan-approvals");
  await expect(approvals).toContainText(title, { timeout: 60_000 });
  await approvals.getByTestId("plan-approve").first().click();
  await expect(page.getByText(/^Approved: /).first()).toBeVisible();
}

/**
 * The seeded company answers the demo's request: the owner asks the company,
 * reads the plan (Finance, then Content, then Legal, its price), accepts it,
 * approves Legal's gated step, and watches the tree of tasks complete on the
 * request's page.
 */
test("ask the company, accept the plan, approve the gated step, watch the tree complete", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/company");
  await page.getByRole("button", { name: "Ask the company" }).click();
  const dialog = page.getByTestId("ask-dialog");
  await dialog.getByLabel("Request").fill("Draft a launch blog post on our Q3 numbers and check it for legal risk");
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);

  const plan = page.getByTestId("request-plan");
  await expect(plan.getByText(/^Plan: 3 parts$/)).toBeVisible({ timeout: 60_000 });
  const parts = plan.getByTestId("plan-parts").locator("li");
  await expect(parts).toHaveCount(3);
  await expect(parts.nth(0)).toContainText("finance");
  await expect(parts.nth(2)).toContainText("legal");
  await expect(parts.nth(2)).toContainText("needs approval");
  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "AUTH_REQUIRED");
  await shot(page, "plan-awaiting-acceptance");

  await approveShown(page, /accept the plan/i);
  // Finance and Content run, then Legal's policy stops the plan before its part.
  await approveShown(page, /legal/i);

  await expect(page.getByTestId("task-state").first()).toHaveAttribute("data-state", "COMPLETED", { timeout: 120_000 });
  const tree = page.getByTestId("task-tree");
  const nodes = tree.getByTestId("task-tree-node");
  await expect(nodes).toHaveCount(4, { timeout: 30_000 });
  for (let i = 1; i < 4; i++) await expect(nodes.nth(i)).toHaveAttribute("data-state", "COMPLETED");
  await expect(tree.getByTestId("task-tree-total")).toContainText(/credits/);
  await expect(page.getByText("Answer", { exact: true }).first()).toBeVisible();
  await shot(page, "request-completed");

  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, "request-completed-phone");
});
