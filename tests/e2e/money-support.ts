import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { E2E_STRIPE } from "./stripe-e2e";

const STRIPE = `http://127.0.0.1:${E2E_STRIPE.port}`;

/** Buys the 1,000-credit pack on the local Stripe's hosted page and waits for the webhook's credit. */
export async function buyThousandCredits(page: Page) {
  await page.goto("/credits");
  await page.getByRole("button", { name: "Buy 1,000 credits for $10.00" }).click();
  await expect(page).toHaveURL(new RegExp(`^${STRIPE}/checkout/pay/cs_test_`));
  await page.getByRole("button", { name: "Pay $10.00" }).click();
  await expect(page).toHaveURL(/\/credits\/return\?session_id=cs_test_/);
  await expect(page.getByTestId("purchase-credited")).toBeVisible({ timeout: 30_000 });
}

/** Runs a quick demo agent from its page and waits until the run is charged. Returns its price. */
export async function runIncidentScribe(page: Page): Promise<number> {
  await page.goto("/agents/northwind-incident-scribe");
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Incident Scribe" })).toBeVisible();
  const panel = page.getByTestId("run-task-panel");
  await panel.getByLabel("What should it do?").fill("10:02 alerts fire. 10:09 rollback. 10:20 latency recovers.");
  await panel.getByRole("button", { name: /^Run for/ }).click();
  await expect(page).toHaveURL(/\/tasks\/[\w-]+$/);
  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED", { timeout: 30_000 });
  await expect(page.getByTestId("task-charge")).toHaveText(/credits charged/, { timeout: 15_000 });
  return Number(((await page.getByTestId("task-charge").textContent()) ?? "").replace(/[^\d]/g, ""));
}

/** Clicks a download link and returns the file's name and text. */
export async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** Nothing on the page is wider than the viewport: the page itself never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
