import { expect, test as setup } from "@playwright/test";
import { OWNER_STATE, signIn } from "./support";

setup("demo owner signs in once for the ui project", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.context().storageState({ path: OWNER_STATE });
});
