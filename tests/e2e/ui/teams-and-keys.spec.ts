import { expect, test } from "@playwright/test";
import { createOrg, signUp, uniqueEmail } from "../support";

test("sign up, create an org, invite a member who joins, and switch orgs", async ({ page, browser, baseURL }) => {
  const orgName = `Globex ${Date.now().toString(36)}`;
  await signUp(page, { name: "Grace Founder", email: uniqueEmail("founder") });
  await createOrg(page, orgName);

  // Invite a teammate; without SMTP the link is shown to the inviter.
  const inviteeEmail = uniqueEmail("invitee");
  await page.getByRole("link", { name: "Members" }).first().click();
  await page.getByLabel("Email").fill(inviteeEmail);
  await page.getByLabel("Role").selectOption("member");
  await page.getByRole("button", { name: "Invite" }).click();
  const row = page.getByTestId("invitation-row").filter({ hasText: inviteeEmail });
  await expect(row).toBeVisible();
  const link = (await row.getByTestId("invitation-link").textContent())?.trim();
  expect(link).toContain("/invite/");

  // The invitee opens the link in their own browser, signs up and accepts.
  const invitee = await browser.newContext({ baseURL });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link!);
  await expect(inviteePage.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await inviteePage.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(inviteePage).toHaveURL(/\/sign-up\?next=/);
  await signUp(inviteePage, { name: "Ivan Invitee", email: inviteeEmail, from: inviteePage.url() });
  await expect(inviteePage).toHaveURL(/\/invite\//);
  await inviteePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(inviteePage.getByRole("heading", { level: 1, name: orgName })).toBeVisible();

  // The invitee starts an org of their own, then switches back.
  const ownOrg = `Initech ${Date.now().toString(36)}`;
  await inviteePage.getByRole("button", { name: /Switch organization/ }).click();
  await inviteePage.getByRole("menuitem", { name: "New organization" }).click();
  await createOrg(inviteePage, ownOrg);
  await inviteePage.getByRole("button", { name: /Switch organization/ }).click();
  await inviteePage.getByRole("menuitem", { name: new RegExp(orgName) }).click();
  await expect(inviteePage.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await expect(inviteePage.getByTestId("active-org-name").first()).toHaveText(orgName);

  // The founder sees the new member, counted in words.
  await page.reload();
  await expect(page.getByText(inviteeEmail)).toBeVisible();
  await expect(page.getByText("2 members", { exact: true })).toBeVisible();
  await expect(page.getByText("Pending invitations", { exact: true })).toBeVisible();
  await invitee.close();
});

test("create an API key, use it, revoke it", async ({ page, request }) => {
  await signUp(page, { name: "Kim Keys", email: uniqueEmail("keys") });
  await createOrg(page, `Keyco ${Date.now().toString(36)}`);
  await page.getByRole("link", { name: "API keys" }).first().click();
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name").fill("Backend");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^bureau_/);
  await page.getByRole("button", { name: "Done" }).click();

  const ok = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);

  const row = page.getByTestId("api-key-row").filter({ hasText: "Backend" });
  await expect(row).toContainText("active");
  // Keys are told apart by their prefix and last four characters (the rest is never stored).
  await expect(row.getByTestId("api-key-hint")).toHaveText(`bureau_…${key.slice(-4)}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");

  const refused = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "api_key_revoked" } });
});

test("a second user cannot read the first org's data", async ({ page, browser, baseURL }) => {
  await signUp(page, { name: "First", email: uniqueEmail("first") });
  await createOrg(page, `Private ${Date.now().toString(36)}`);
  const orgsResponse = await page.request.get(`/api/trpc/orgs.listMine`);
  const firstOrgId = (await orgsResponse.json()).result.data.json.activeOrgId as string;

  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signUp(otherPage, { name: "Second", email: uniqueEmail("second") });
  await createOrg(otherPage, `Other ${Date.now().toString(36)}`);
  const input = encodeURIComponent(JSON.stringify({ json: { orgId: firstOrgId } }));
  const response = await otherPage.request.get(`/api/trpc/orgs.dashboard?input=${input}`);
  expect(response.status()).toBe(404);
  expect((await response.json()).error.json.data.code).toBe("NOT_FOUND");
  await other.close();
});
