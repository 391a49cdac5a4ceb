import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../support";

// Before the page hydrates (slow network, script blocked), a form submits
// natively. A GET would put the password in the URL, the history and every
// access log on the way; these forms post instead.
for (const path of ["/sign-in", "/sign-up"]) {
  test(`${path} never puts the password in the URL when submitted before hydration`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL,
      javaScriptEnabled: false,
      storageState: { cookies: [], origins: [] },
    });
    const page = await context.newPage();
    await page.goto(path);
    await page.getByLabel("Email").fill("owner@acme.test");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    const request = page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes(path));
    await page.locator("form button[type=submit]").click();
    const sent = await request;
    expect(sent.method()).toBe("POST");
    expect(sent.url()).not.toContain(DEMO_PASSWORD);
    expect(page.url()).not.toContain(DEMO_PASSWORD);
    await context.close();
  });
}
