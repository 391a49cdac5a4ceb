import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "bureau-demo";
export const OWNER_STATE = "tests/e2e/.auth/owner.json";

/** The demo file `npm test` wrote when it seeded the e2e database. */
export function demo(): { apiKey: string; users: { email: string }[] } {
  const file = process.env.BUREAU_DEMO_FILE;
  if (!file) throw new Error("BUREAU_DEMO_FILE is not set; run the e2e tests through `npm test`.");
  return JSON.parse(readFileSync(file, "utf8")) as { apiKey: string; users: { email: string }[] };
}

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signUp(page: Page, opts: { name: string; email: string; password?: string; from?: string }) {
  await page.goto(opts.from ?? "/sign-up");
  await page.getByLabel("Name").fill(opts.name);
  await page.getByLabel("Work email").fill(opts.email);
  await page.getByLabel("Password").fill(opts.password ?? "e2e-password-123");
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function createOrg(page: Page, name: string) {
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}
