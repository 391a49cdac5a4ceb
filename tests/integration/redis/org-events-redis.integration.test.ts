import "../../support/redis-test-env";
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { auth } from "@/server/auth/auth";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { setBudget } from "@/server/services/budgets/set-budget";
import { ORG_EVENTS_CHANNEL } from "@/server/services/events/catalogue";
import { eventTransaction } from "@/server/services/events/event-transaction";
import { recordEvent } from "@/server/services/events/record-event";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { changeMemberRole } from "@/server/services/orgs/change-member-role";
import { taskListener } from "@/server/services/events/task-listener";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { addMember, createUser, ownerWithOrg, signInHeaders, unique } from "../../support/factories";
import { spawnLineProcess } from "../../support/line-process";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";

useTaskRuntime();

describe("the org event log with REDIS_URL", () => {
  it("wakes org event subscribers through Redis when a task starts and ends (no LISTEN on Postgres)", async () => {
    expect(taskListener.transport).toBe("redis");
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const buyer = await buyerWithCredits(100);
    const seen: string[] = [];
    const unsubscribe = taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => seen.push(payload));
    try {
      await taskListener.ensure();
      const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
      const task = asTask(await client.sendMessage(sendRequest("1, 2, 3")));
      const newest = await db.event.findFirstOrThrow({
        where: { orgId: buyer.org.id, subjectId: task.id, type: "task.settled" },
        select: { id: true },
      });
      // The accept's notification and the end's, each naming the newest event of its transaction.
      await expect
        .poll(() => seen.filter((p) => p.startsWith(`${buyer.org.id}:`)), { timeout: 5_000 })
        .toContain(`${buyer.org.id}:${newest.id}`);
      expect(seen.filter((p) => p.startsWith(`${buyer.org.id}:`)).length).toBeGreaterThanOrEqual(2);
    } finally {
      unsubscribe();
    }
  });
});

describe("org events written outside the task path, with REDIS_URL", () => {
  /** Runs `change` and waits for the Redis notification naming the org's newest event after it. */
  async function announced(orgId: string, change: () => Promise<unknown>): Promise<void> {
    const seen: string[] = [];
    const unsubscribe = taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => seen.push(payload));
    try {
      await taskListener.ensure();
      const before = await newestEventId(orgId);
      await change();
      const after = await newestEventId(orgId);
      expect(after).toBeGreaterThan(before);
      await expect.poll(() => seen, { timeout: 5_000 }).toContain(`${orgId}:${after}`);
    } finally {
      unsubscribe();
    }
  }

  const newestEventId = async (orgId: string) =>
    (await db.event.findFirst({ where: { orgId }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

  it("announces API keys, budgets, grants and member changes once their transactions commit", async () => {
    const { user, org } = await ownerWithOrg();
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    const memberRow = await db.member.findFirstOrThrow({ where: { organizationId: org.id, userId: member.id } });

    let keyId = "";
    await announced(org.id, async () => {
      ({ id: keyId } = await createApiKey({
        orgId: org.id,
        userId: user.id,
        name: "fan-out",
        scopes: ["events:read"],
        expiresInDays: null,
      }));
    });
    await announced(org.id, () => revokeApiKey({ orgId: org.id, userId: user.id, keyId }));
    await announced(org.id, () =>
      setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 500 }),
    );
    await announced(org.id, () =>
      grantCredits({ orgId: org.id, amount: 10, key: `fan-out:${org.id}`, reason: "fan-out", actorUserId: user.id }),
    );
    await announced(org.id, () =>
      changeMemberRole({ orgId: org.id, actorUserId: user.id, memberId: memberRow.id, role: "admin" }),
    );
  });

  it("announces invitations, whose events a database trigger records under better-auth's write", async () => {
    const { user, org } = await ownerWithOrg();
    const headers = await signInHeaders(user.email);
    await db.session.updateMany({ where: { userId: user.id }, data: { activeOrganizationId: org.id } });
    await announced(org.id, () =>
      auth.api.createInvitation({
        body: { email: `invitee-${unique()}@example.test`, role: "member", organizationId: org.id },
        headers,
      }),
    );
  });

  it("announces nothing for a change that rolled back", async () => {
    const { user, org } = await ownerWithOrg();
    const seen: string[] = [];
    const unsubscribe = taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => seen.push(payload));
    try {
      await taskListener.ensure();
      const before = await newestEventId(org.id);
      await expect(
        eventTransaction(async (tx) => {
          await recordEvent(tx, {
            orgId: org.id,
            type: "budget.set",
            subject: { type: "budget", id: "org" },
            actor: { kind: "user", id: user.id },
            data: { departmentId: null, from: null, to: 5 },
          });
          throw new Error("the change failed after its event");
        }),
      ).rejects.toThrow("the change failed after its event");
      expect(await newestEventId(org.id)).toBe(before);
      // A later change's announcement arrives, and nothing came before it for the refused one.
      await grantCredits({ orgId: org.id, amount: 1, key: `marker:${org.id}`, reason: "marker", actorUserId: user.id });
      const marker = await newestEventId(org.id);
      await expect.poll(() => seen, { timeout: 5_000 }).toContain(`${org.id}:${marker}`);
      expect(seen.filter((p) => p.startsWith(`${org.id}:`))).toEqual([`${org.id}:${marker}`]);
      expect(marker).toBeGreaterThan(before);
    } finally {
      unsubscribe();
    }
  });
});

describe("org-event fan-out across processes, with REDIS_URL", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGKILL");
  });

  it("a budget change committed here reaches an org event stream held by another process", async () => {
    const { user, org } = await ownerWithOrg();
    const { child, next } = spawnLineProcess("tests/support/org-stream-process.ts", [org.id]);
    children.push(child);
    expect(await next()).toEqual({ transport: "redis", live: true });
    const joined = await next(); // the log so far: the owner joining
    expect(joined).toMatchObject({ type: "member.joined" });

    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 900 });
    const budget = await db.event.findFirstOrThrow({ where: { orgId: org.id, type: "budget.set" } });
    // Nothing LISTENs on Postgres here: the note can only have come through Redis.
    expect(await next()).toEqual({ note: `${org.id}:${budget.id}` });
    expect(await next()).toEqual({ event: budget.id.toString(), type: "budget.set" });
  }, 60_000);
});
