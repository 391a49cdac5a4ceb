import { describe, expect, it } from "vitest";
import { auth } from "@/server/auth/auth";
import type { OrgRole } from "@/server/auth/roles";
import { db } from "@/server/db";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
import { addMember, callerFor, createUser, ownerWithOrg, signInHeaders } from "../support/factories";

/** An org with its owner and one person per requested role, each with a signed-in caller. */
async function team(roles: OrgRole[]) {
  const owner = await ownerWithOrg("Team Co");
  const people = [];
  for (const role of roles) {
    const user = await createUser(`${role[0]!.toUpperCase()}${role.slice(1)} Person`);
    await addMember(owner.org.id, user.id, role);
    people.push({ user, role, caller: await callerFor(user.email) });
  }
  const memberId = async (userId: string) =>
    (await db.member.findFirstOrThrow({ where: { organizationId: owner.org.id, userId } })).id;
  return { ...owner, ownerMemberId: await memberId(owner.user.id), people, memberId };
}

const roleOf = async (orgId: string, userId: string) =>
  (await db.member.findFirst({ where: { organizationId: orgId, userId } }))?.role ?? null;

const owners = (orgId: string) => db.member.count({ where: { organizationId: orgId, role: "owner" } });

describe("changing roles", () => {
  it("lets an owner change any role, audited with who, from and to", async () => {
    const { org, caller, user, people, memberId } = await team(["member"]);
    const [member] = people;
    const id = await memberId(member!.user.id);
    expect(await caller.orgs.changeMemberRole({ orgId: org.id, memberId: id, role: "admin" })).toEqual({
      changed: true,
      role: "admin",
    });
    expect(await roleOf(org.id, member!.user.id)).toBe("admin");
    // Setting the same role again changes (and audits) nothing.
    expect(await caller.orgs.changeMemberRole({ orgId: org.id, memberId: id, role: "admin" })).toEqual({
      changed: false,
      role: "admin",
    });
    const audit = await db.auditLog.findMany({ where: { orgId: org.id, action: "member.role_changed" } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorUserId: user.id,
        target: id,
        data: {
          userId: member!.user.id,
          name: "Member Person",
          email: member!.user.email,
          from: "member",
          to: "admin",
        },
      }),
    ]);
    const { items } = await caller.orgs.auditLog({ orgId: org.id, action: "member.role_changed" });
    expect(items[0]!.summary).toBe("Member Person’s role changed from member to admin");
    expect((await verifyAuditChain({ orgId: org.id })).ok).toBe(true);
  });

  it("lets admins manage admins, members and viewers, but never an owner or the owner role", async () => {
    const { org, ownerMemberId, people, memberId } = await team(["admin", "member"]);
    const [admin, member] = people;
    const memberMemberId = await memberId(member!.user.id);
    await admin!.caller.orgs.changeMemberRole({ orgId: org.id, memberId: memberMemberId, role: "viewer" });
    expect(await roleOf(org.id, member!.user.id)).toBe("viewer");
    await expect(
      admin!.caller.orgs.changeMemberRole({ orgId: org.id, memberId: ownerMemberId, role: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admin!.caller.orgs.changeMemberRole({ orgId: org.id, memberId: memberMemberId, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await owners(org.id)).toBe(1);
  });

  it("refuses members and viewers, whatever they ask", async () => {
    const { org, ownerMemberId, people, memberId } = await team(["member", "viewer"]);
    const [member, viewer] = people;
    for (const person of [member!, viewer!]) {
      await expect(
        person.caller.orgs.changeMemberRole({
          orgId: org.id,
          memberId: await memberId(person.user.id),
          role: "admin",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only owners and admins can change roles." });
      await expect(
        person.caller.orgs.changeMemberRole({ orgId: org.id, memberId: ownerMemberId, role: "viewer" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await roleOf(org.id, viewer!.user.id)).toBe("viewer");
    expect(await db.auditLog.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("never demotes the last owner, and does once a second owner exists", async () => {
    const { org, caller, user, ownerMemberId, people, memberId } = await team(["admin"]);
    await expect(
      caller.orgs.changeMemberRole({ orgId: org.id, memberId: ownerMemberId, role: "admin" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("at least one owner") });
    expect(await roleOf(org.id, user.id)).toBe("owner");

    const adminId = await memberId(people[0]!.user.id);
    await caller.orgs.changeMemberRole({ orgId: org.id, memberId: adminId, role: "owner" });
    await caller.orgs.changeMemberRole({ orgId: org.id, memberId: ownerMemberId, role: "member" });
    expect(await roleOf(org.id, user.id)).toBe("member");
    expect(await owners(org.id)).toBe(1);
  });

  it("keeps an owner when two owners demote each other at the same instant", async () => {
    for (let round = 0; round < 6; round++) {
      const { org, caller, user, ownerMemberId, people, memberId } = await team(["owner"]);
      const [second] = people;
      const secondId = await memberId(second!.user.id);
      const results = await Promise.allSettled([
        caller.orgs.changeMemberRole({ orgId: org.id, memberId: secondId, role: "admin" }),
        second!.caller.orgs.changeMemberRole({ orgId: org.id, memberId: ownerMemberId, role: "admin" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      // The loser was demoted before its turn came: an admin cannot touch an owner.
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "FORBIDDEN" } });
      expect(await owners(org.id)).toBe(1);
      expect([await roleOf(org.id, user.id), await roleOf(org.id, second!.user.id)].sort()).toEqual(["admin", "owner"]);
    }
  }, 60_000);

  it("keeps an owner when both owners step down or leave at the same instant", async () => {
    for (let round = 0; round < 4; round++) {
      const { org, caller, ownerMemberId, people, memberId } = await team(["owner"]);
      const [second] = people;
      const demotions = await Promise.allSettled([
        caller.orgs.changeMemberRole({ orgId: org.id, memberId: ownerMemberId, role: "member" }),
        second!.caller.orgs.changeMemberRole({
          orgId: org.id,
          memberId: await memberId(second!.user.id),
          role: "member",
        }),
      ]);
      expect(demotions.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(demotions.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
      expect(await owners(org.id)).toBe(1);

      const other = await team(["owner"]);
      const leaving = await Promise.allSettled([
        other.caller.orgs.leave({ orgId: other.org.id }),
        other.people[0]!.caller.orgs.leave({ orgId: other.org.id }),
      ]);
      expect(leaving.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await owners(other.org.id)).toBe(1);
    }
  }, 60_000);
});

describe("removing and leaving", () => {
  it("lets owners and admins remove people, audited, and drops the org from their sessions", async () => {
    const { org, caller, user, people, memberId } = await team(["admin", "member", "viewer"]);
    const [admin, member, viewer] = people;
    const headers = await signInHeaders(member!.user.email);
    expect((await auth.api.getSession({ headers }))?.session.activeOrganizationId).toBe(org.id);

    await admin!.caller.orgs.removeMember({ orgId: org.id, memberId: await memberId(member!.user.id) });
    expect(await roleOf(org.id, member!.user.id)).toBeNull();
    expect((await auth.api.getSession({ headers }))?.session.activeOrganizationId ?? null).toBeNull();
    await expect(member!.caller.orgs.members({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await caller.orgs.removeMember({ orgId: org.id, memberId: await memberId(viewer!.user.id) });
    const audit = await db.auditLog.findMany({
      where: { orgId: org.id, action: "member.removed" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actorUserId, (a.data as { role: string }).role])).toEqual([
      [admin!.user.id, "member"],
      [user.id, "viewer"],
    ]);
  });

  it("refuses removals by members and viewers, of owners by admins, of the last owner, and of oneself", async () => {
    const { org, caller, ownerMemberId, people, memberId } = await team(["admin", "member", "viewer"]);
    const [admin, member, viewer] = people;
    const adminId = await memberId(admin!.user.id);
    for (const person of [member!, viewer!])
      await expect(person.caller.orgs.removeMember({ orgId: org.id, memberId: adminId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    await expect(admin!.caller.orgs.removeMember({ orgId: org.id, memberId: ownerMemberId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.orgs.removeMember({ orgId: org.id, memberId: ownerMemberId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.member.count({ where: { organizationId: org.id } })).toBe(4);
  });

  it("lets anyone leave except the last owner", async () => {
    const { org, caller, user, people } = await team(["member"]);
    await expect(caller.orgs.leave({ orgId: org.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await roleOf(org.id, user.id)).toBe("owner");

    const [member] = people;
    expect(await member!.caller.orgs.leave({ orgId: org.id })).toEqual({ left: true });
    expect((await member!.caller.orgs.listMine()).orgs).toEqual([]);
    expect(
      await db.auditLog.findFirst({ where: { orgId: org.id, action: "member.left" }, select: { actorUserId: true } }),
    ).toEqual({ actorUserId: member!.user.id });
    await expect(member!.caller.orgs.leave({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("isolation", () => {
  it("treats another org, and another org's member, as not found", async () => {
    const a = await team(["member"]);
    const b = await team(["member"]);
    const aMember = await a.memberId(a.people[0]!.user.id);
    const bMember = await b.memberId(b.people[0]!.user.id);
    await expect(
      b.caller.orgs.changeMemberRole({ orgId: a.org.id, memberId: aMember, role: "viewer" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.orgs.removeMember({ orgId: a.org.id, memberId: aMember })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // B's owner, in B's org, naming A's member: not found either.
    await expect(
      b.caller.orgs.changeMemberRole({ orgId: b.org.id, memberId: aMember, role: "viewer" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.orgs.removeMember({ orgId: b.org.id, memberId: aMember })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(b.caller.orgs.leave({ orgId: a.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await roleOf(a.org.id, a.people[0]!.user.id)).toBe("member");
    expect(bMember).not.toBe(aMember);
  });

  it("offers no way around the service: better-auth's own member endpoints are off", async () => {
    const { org, people, memberId, user } = await team(["owner"]);
    const headers = await signInHeaders(user.email);
    const post = (path: string, body: object) =>
      auth.handler(
        new Request(`${process.env.APP_URL}/api/auth/organization/${path}`, {
          method: "POST",
          headers: { ...Object.fromEntries(headers), "content-type": "application/json", origin: process.env.APP_URL! },
          body: JSON.stringify(body),
        }),
      );
    const secondId = await memberId(people[0]!.user.id);
    expect(
      (await post("update-member-role", { organizationId: org.id, memberId: secondId, role: "viewer" })).status,
    ).toBe(404);
    expect((await post("remove-member", { organizationId: org.id, memberIdOrEmail: secondId })).status).toBe(404);
    expect((await post("leave", { organizationId: org.id })).status).toBe(404);
    expect(await roleOf(org.id, people[0]!.user.id)).toBe("owner");
    expect(await roleOf(org.id, user.id)).toBe("owner");
  });
});
