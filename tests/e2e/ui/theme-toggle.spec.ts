import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

declare global {
  interface Window {
    /** Whether <html> had the dark class when the first element of the page body was parsed (before any paint). */
    darkAtFirstContent?: boolean;
  }
}

/** Records the theme at the moment the body's first content arrives, so a flash of the other theme shows up. */
async function watchFirstContent(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      // Next.js puts a hidden placeholder first; the theme script comes right after it, then the page.
      const first = document.body?.querySelector(":scope > :not(script):not([hidden])");
      if (!first || window.darkAtFirstContent !== undefined) return;
      window.darkAtFirstContent = document.documentElement.classList.contains("dark");
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function chooseTheme(page: Page, choice: "Light" | "Dark" | "System") {
  await page.getByRole("button", { name: "Account menu" }).first().click();
  await page.getByRole("menuitemradio", { name: choice }).click();
}

test("dark mode is chosen in the account menu, survives a reload without a flash, and System follows the OS", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await watchFirstContent(page);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await isDark(page)).toBe(false);
  const light = await background(page);

  await chooseTheme(page, "Dark");
  await expect.poll(() => isDark(page)).toBe(true);
  expect(await background(page)).not.toBe(light);
  await page.getByRole("button", { name: "Account menu" }).first().click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");

  // A reload, and another page: dark from the very first content, before React runs.
  await page.reload();
  expect(await page.evaluate(() => window.darkAtFirstContent)).toBe(true);
  await page.goto("/sell");
  expect(await page.evaluate(() => window.darkAtFirstContent)).toBe(true);
  expect(await isDark(page)).toBe(true);
  // Signed-out pages and the 404 page share the choice.
  await page.goto("/no-such-page");
  expect(await page.evaluate(() => window.darkAtFirstContent)).toBe(true);

  await page.goto("/dashboard");
  await chooseTheme(page, "System");
  await expect.poll(() => isDark(page)).toBe(false);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => isDark(page)).toBe(true);
  await page.reload();
  expect(await page.evaluate(() => window.darkAtFirstContent)).toBe(true);

  await chooseTheme(page, "Light");
  await expect.poll(() => isDark(page)).toBe(false);
  await page.reload();
  expect(await page.evaluate(() => window.darkAtFirstContent)).toBe(false);
  expect(await background(page)).toBe(light);
});
