import { describe, expect, it } from "vitest";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { createUser, PASSWORD, signInHeaders, unique } from "../support/factories";

describe("email and password auth", () => {
  it("signs up, stores only a password hash, and signs in", async () => {
    const user = await createUser("Ada");
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(PASSWORD);
    const headers = await signInHeaders(user.email);
    const session = await auth.api.getSession({ headers });
    expect(session?.user.email).toBe(user.email);
  });

  it("refuses a wrong password with a 401 and a readable message", async () => {
    const user = await createUser();
    const attempt = auth.api.signInEmail({ body: { email: user.email, password: "not-the-password" } });
    await expect(attempt).rejects.toMatchObject({ statusCode: 401, body: { message: "Invalid email or password" } });
  });

  it("refuses a duplicate email and creates no second user", async () => {
    const user = await createUser();
    const again = auth.api.signUpEmail({ body: { email: user.email, name: "Copy", password: PASSWORD } });
    await expect(again).rejects.toMatchObject({ statusCode: 422 });
    expect(await db.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("refuses a too-short password", async () => {
    const attempt = auth.api.signUpEmail({
      body: { email: `short-${unique()}@example.test`, name: "S", password: "short" },
    });
    await expect(attempt).rejects.toMatchObject({ statusCode: 400 });
  });

  it("starts a new session in the user's first org", async () => {
    const user = await createUser();
    const org = await db.organization.create({
      data: { id: crypto.randomUUID(), name: "First", slug: `first-${unique()}` },
    });
    await db.member.create({
      data: { id: crypto.randomUUID(), organizationId: org.id, userId: user.id, role: "owner" },
    });
    const session = await auth.api.getSession({ headers: await signInHeaders(user.email) });
    expect(session?.session.activeOrganizationId).toBe(org.id);
  });
});
