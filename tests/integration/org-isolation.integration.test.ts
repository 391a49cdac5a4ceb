import { describe, expect, it } from "vitest";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { addMember, callerFor, createUser, ownerWithOrg, unique } from "../support/factories";

describe("org isolation through tRPC", () => {
  it("shows an org's dashboard only to its members", async () => {
    const a = await ownerWithOrg("Alpha");
    const b = await ownerWithOrg("Beta");
    await grantCredits({ orgId: a.org.id, amount: 500, key: `test:${unique()}`, reason: "test", actorUserId: null });

    const mine = await a.caller.orgs.dashboard({ orgId: a.org.id });
    expect(mine.balance.available).toBe(500);
    expect(mine.org.name).toBe("Alpha");

    await expect(b.caller.orgs.dashboard({ orgId: a.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.orgs.members({ orgId: a.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.apiKeys.list({ orgId: a.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.apiKeys.create({ orgId: a.org.id, name: "steal" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists only the caller's orgs", async () => {
    const a = await ownerWithOrg("Mine");
    await ownerWithOrg("Someone else's");
    const { orgs } = await a.caller.orgs.listMine();
    expect(orgs.map((o) => o.id)).toEqual([a.org.id]);
  });

  it("asks for a session before anything", async () => {
    const { createCaller } = await import("@/server/trpc/root");
    const anonymous = createCaller({ headers: new Headers(), requestId: undefined, session: null });
    await expect(anonymous.orgs.listMine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("enforces roles: viewers and members cannot create keys, admins can", async () => {
    const { org } = await ownerWithOrg();
    const viewer = await createUser("Viewer");
    const member = await createUser("Member");
    const admin = await createUser("Admin");
    await addMember(org.id, viewer.id, "viewer");
    await addMember(org.id, member.id, "member");
    await addMember(org.id, admin.id, "admin");

    await expect((await callerFor(viewer.email)).apiKeys.create({ orgId: org.id, name: "v" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect((await callerFor(viewer.email)).apiKeys.list({ orgId: org.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect((await callerFor(member.email)).apiKeys.create({ orgId: org.id, name: "m" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const created = await (await callerFor(admin.email)).apiKeys.create({ orgId: org.id, name: "a" });
    expect(created.key).toMatch(/^bureau_/);
    // Members may still see which keys exist (never the secrets).
    const listed = await (await callerFor(member.email)).apiKeys.list({ orgId: org.id });
    expect(listed.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("shows invitation links to admins only", async () => {
    const { org, user: owner } = await ownerWithOrg();
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    const { db } = await import("@/server/db");
    await db.invitation.create({
      data: {
        id: crypto.randomUUID(),
        organizationId: org.id,
        email: `x-${unique()}@example.test`,
        role: "member",
        expiresAt: new Date(Date.now() + 86_400_000),
        inviterId: owner.id,
      },
    });
    const asOwner = await (await callerFor(owner.email)).orgs.members({ orgId: org.id });
    const asMember = await (await callerFor(member.email)).orgs.members({ orgId: org.id });
    expect(asOwner.invitations[0]?.link).toContain("/invite/");
    expect(asMember.invitations[0]?.link).toBe("");
  });
});
