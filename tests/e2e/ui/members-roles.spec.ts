import { expect, test } from "@playwright/test";
import { createOrg, signUp, uniqueEmail } from "../support";

test("an owner changes a teammate's role, the viewer is told who can, and the last owner cannot leave", async ({
  page,
  browser,
  baseURL,
}) => {
  const orgName = `Roleco ${Date.now().toString(36)}`;
  await signUp(page, { name: "Rita Root", email: uniqueEmail("root") });
  await createOrg(page, orgName);

  const inviteeEmail = uniqueEmail("viewer");
  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(inviteeEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const invitation = page.getByTestId("invitation-row").filter({ hasText: inviteeEmail });
  await expect(page.getByText("1 pending invitation", { exact: true })).toBeVisible();
  const link = (await invitation.getByTestId("invitation-link").textContent())?.trim();

  // The invitee joins as a viewer and reads who can change their role.
  const invitee = await browser.newContext({ baseURL });
  const viewer = await invitee.newPage();
  await viewer.goto(link!);
  await viewer.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(viewer).toHaveURL(/\/sign-up\?next=/);
  await signUp(viewer, { name: "Vera Viewer", email: inviteeEmail, from: viewer.url() });
  await expect(viewer).toHaveURL(/\/invite\//);
  await viewer.getByRole("button", { name: "Accept invitation" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await viewer.goto("/settings/members");
  await expect(viewer.getByTestId("who-can-change-role")).toHaveText(
    "You are a viewer here. Only owners and admins can change your role: Rita Root (owner).",
  );
  await expect(viewer.getByRole("combobox", { name: /^Role of/ })).toHaveCount(0);

  // The owner makes the viewer an admin.
  await page.reload();
  await expect(page.getByText("2 members", { exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: "Role of Vera Viewer" }).selectOption("admin");
  await expect(page.getByText("Vera Viewer is now admin.")).toBeVisible();
  await viewer.reload();
  await expect(viewer.getByTestId("who-can-change-role")).toHaveCount(0);
  await expect(viewer.getByRole("combobox", { name: "Role of Rita Root" })).toHaveCount(0);

  // The only owner cannot leave or be demoted from the page, and the server agrees.
  const ownerRow = page.getByTestId("member-row").filter({ hasText: "Rita Root" });
  await expect(ownerRow).toContainText("Make someone else an owner to leave");
  await expect(ownerRow.getByTestId("member-role")).toHaveText("Owner");
  const orgs = await page.request.get("/api/trpc/orgs.listMine");
  const orgId = (await orgs.json()).result.data.json.activeOrgId as string;
  const refused = await page.request.post("/api/trpc/orgs.leave", { data: { json: { orgId } } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.json.message).toContain("at least one owner");

  // With a second owner the first can leave; the audit log has the role changes.
  await page.getByRole("combobox", { name: "Role of Vera Viewer" }).selectOption("owner");
  await expect(page.getByText("Vera Viewer is now owner.")).toBeVisible();
  await page.goto("/settings/audit?action=member.role_changed");
  await expect(page.getByTestId("audit-row").first()).toContainText("Vera Viewer’s role changed from admin to owner");
  await expect(page.getByTestId("audit-row").nth(1)).toContainText("Vera Viewer’s role changed from viewer to admin");
  await page.goto("/settings/members");
  await page.getByTestId("member-row").filter({ hasText: "Rita Root" }).getByRole("button", { name: "Leave" }).click();
  await page.getByRole("button", { name: "Leave organization" }).click();
  await expect(page).toHaveURL(/\/onboarding/);

  await viewer.reload();
  await expect(viewer.getByText("1 member", { exact: true })).toBeVisible();
  await invitee.close();
});
