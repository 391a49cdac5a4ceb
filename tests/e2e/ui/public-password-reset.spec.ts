import { expect, test, type Page } from "@playwright/test";
import { SignJWT } from "jose";
import pg from "pg";
import { signUp, uniqueEmail } from "../support";

/**
 * Without SMTP the app logs its emails; the test reads what the emailed link
 * carries straight from the e2e database instead (the reset token is the
 * Verification row better-auth stores), and follows the link as it is built.
 */
async function resetTokenFor(email: string): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; run the e2e tests through `npm test`.");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ identifier: string }>(
      `SELECT v.identifier FROM verification v JOIN "user" u ON u.id = v.value
       WHERE u.email = $1 AND v.identifier LIKE 'reset-password:%' ORDER BY v."createdAt" DESC LIMIT 1`,
      [email],
    );
    if (!rows[0]) throw new Error(`no reset token for ${email}`);
    return rows[0].identifier.slice("reset-password:".length);
  } finally {
    await client.end();
  }
}

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a forgotten password is reset from the emailed link, once, and the new one signs in", async ({
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("forgetful");
  const setup = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await signUp(await setup.newPage(), { name: "Fern Forgetful", email, password: "the-old-password" });
  await setup.close();

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();

  // The emailed link: better-auth checks the token, then opens the reset page.
  const token = await resetTokenFor(email);
  const link = `/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent("/reset-password")}`;
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password", { exact: true }).fill("the-new-password");
  await page.getByLabel("Repeat the new password").fill("not-the-same");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();
  await page.getByLabel("Repeat the new password").fill("the-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();

  await signInWith(page, email, "the-old-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await signInWith(page, email, "the-new-password");
  await expect(page).toHaveURL(/\/dashboard|\/onboarding/);

  // The same link again: spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await context.close();
});

test("the verification link confirms the address; a broken one says so and offers a new link", async ({
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("verifier");
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signUp(page, { name: "Vic Verifier", email });
  await expect(page).toHaveURL(/\/onboarding/);

  // A broken link: the result page says why and offers a new one (the user is signed in).
  await page.goto(`/api/auth/verify-email?token=not-a-token&callbackURL=${encodeURIComponent("/verify-email")}`);
  await expect(page).toHaveURL(/\/verify-email\?error=INVALID_TOKEN$/);
  await expect(page.getByRole("heading", { name: "We could not verify your email" })).toBeVisible();
  await page.getByRole("button", { name: `Send a new link to ${email}` }).click();
  await expect(page.getByText(`A new link is on its way to ${email}.`)).toBeVisible();

  // The emailed link is a token signed with the app's secret, exactly as better-auth signs it.
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set; run the e2e tests through `npm test`.");
  const token = await new SignJWT({ email })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret));
  await page.goto(`/api/auth/verify-email?token=${token}&callbackURL=${encodeURIComponent("/verify-email")}`);
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await expect(page.getByText(`${email} is confirmed.`)).toBeVisible();
  await context.close();
});
