import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { markNotificationsRead } from "@/server/services/notifications/mark-notifications-read";
import { addMember, callerFor, createOrg, createUser, ownerWithOrg, unique } from "../../support/factories";

async function notify(orgId: string, userId: string, title: string) {
  return db.notification.create({
    data: { orgId, userId, kind: "test", title, body: `${title} body`, link: "/credits", sourceKey: `t:${unique()}` },
  });
}

/** Alice belongs to two orgs; Bob shares her first org. Each has notifications of their own. */
async function twoPeopleTwoOrgs() {
  const alice = await ownerWithOrg("Alice Co");
  const otherOrg = await createOrg(alice.user.id, "Alice Side Co");
  const bob = await createUser("Bob");
  await addMember(alice.org.id, bob.id, "admin");
  const bobCaller = await callerFor(bob.email);
  const aliceHere = [await notify(alice.org.id, alice.user.id, "A1"), await notify(alice.org.id, alice.user.id, "A2")];
  const aliceThere = await notify(otherOrg.id, alice.user.id, "A-other");
  const bobHere = await notify(alice.org.id, bob.id, "B1");
  return { alice, otherOrg, bob, bobCaller, aliceHere, aliceThere, bobHere };
}

describe("notifications over tRPC", () => {
  it("lists and counts only the caller's notifications in the org asked for", async () => {
    const { alice, otherOrg, bobCaller, aliceHere, aliceThere, bobHere } = await twoPeopleTwoOrgs();
    const list = await alice.caller.notifications.list({ orgId: alice.org.id });
    expect(list.items.map((n) => n.id)).toEqual([aliceHere[1]!.id, aliceHere[0]!.id]);
    expect(list.items[0]).toEqual({
      id: aliceHere[1]!.id,
      kind: "test",
      title: "A2",
      body: "A2 body",
      link: "/credits",
      readAt: null,
      createdAt: expect.any(Date),
    });
    expect(list.nextCursor).toBeNull();
    expect(await alice.caller.notifications.unreadCount({ orgId: alice.org.id })).toEqual({ count: 2 });
    expect((await alice.caller.notifications.list({ orgId: otherOrg.id })).items.map((n) => n.id)).toEqual([
      aliceThere.id,
    ]);
    expect((await bobCaller.notifications.list({ orgId: alice.org.id })).items.map((n) => n.id)).toEqual([bobHere.id]);
    // Bob is not in Alice's other org at all.
    await expect(bobCaller.notifications.list({ orgId: otherOrg.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bobCaller.notifications.unreadCount({ orgId: otherOrg.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("pages newest first with a cursor", async () => {
    const { user, org, caller } = await ownerWithOrg("Paged");
    for (let i = 0; i < 5; i++) await notify(org.id, user.id, `N${i}`);
    const first = await caller.notifications.list({ orgId: org.id, limit: 2 });
    expect(first.items.map((n) => n.title)).toEqual(["N4", "N3"]);
    const second = await caller.notifications.list({ orgId: org.id, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((n) => n.title)).toEqual(["N2", "N1"]);
    const last = await caller.notifications.list({ orgId: org.id, limit: 2, cursor: second.nextCursor });
    expect(last).toMatchObject({ items: [{ title: "N0" }], nextCursor: null });
    await expect(caller.notifications.list({ orgId: org.id, cursor: "not a cursor!" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("marks read only the caller's own notifications; anyone else's is not found", async () => {
    const { alice, otherOrg, bob, bobCaller, aliceHere, aliceThere, bobHere } = await twoPeopleTwoOrgs();
    await expect(
      bobCaller.notifications.markRead({ orgId: alice.org.id, ids: [aliceHere[0]!.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A mix of one's own and someone else's marks nothing.
    await expect(
      alice.caller.notifications.markRead({ orgId: alice.org.id, ids: [aliceHere[0]!.id, bobHere.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The right person, the wrong org.
    await expect(
      alice.caller.notifications.markRead({ orgId: otherOrg.id, ids: [aliceHere[0]!.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.notification.count({ where: { id: { in: [aliceHere[0]!.id, bobHere.id] }, readAt: null } })).toBe(
      2,
    );
    // The service itself refuses with the domain vocabulary.
    await expect(
      markNotificationsRead({ orgId: alice.org.id, userId: bob.id, target: { ids: [aliceHere[0]!.id] } }),
    ).rejects.toMatchObject({ name: "DomainError", code: "not_found" });

    expect(await alice.caller.notifications.markRead({ orgId: alice.org.id, ids: [aliceHere[0]!.id] })).toEqual({
      updated: 1,
    });
    expect(await alice.caller.notifications.markRead({ orgId: alice.org.id, ids: [aliceHere[0]!.id] })).toEqual({
      updated: 0,
    });
    expect(await alice.caller.notifications.unreadCount({ orgId: alice.org.id })).toEqual({ count: 1 });

    // "Mark all read" stays inside the caller's own notifications of that org.
    expect(await alice.caller.notifications.markRead({ orgId: alice.org.id, all: true })).toEqual({ updated: 1 });
    expect(await alice.caller.notifications.unreadCount({ orgId: alice.org.id })).toEqual({ count: 0 });
    expect(await db.notification.findUniqueOrThrow({ where: { id: bobHere.id } })).toMatchObject({ readAt: null });
    expect(await db.notification.findUniqueOrThrow({ where: { id: aliceThere.id } })).toMatchObject({ readAt: null });
    expect(await bobCaller.notifications.unreadCount({ orgId: alice.org.id })).toEqual({ count: 1 });
  });

  it("refuses a markRead that names neither ids nor all, or both", async () => {
    const { org, caller } = await ownerWithOrg("Strict");
    await expect(caller.notifications.markRead({ orgId: org.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.notifications.markRead({ orgId: org.id, ids: ["x"], all: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.notifications.markRead({ orgId: org.id, ids: ["a\u0000b"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
