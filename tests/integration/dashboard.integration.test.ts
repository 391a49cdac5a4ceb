import { describe, expect, it, vi } from "vitest";

// Holds here cross no budget (the cap is set after them), so nothing may be sent.
vi.mock("@/server/jobs/send", () => ({
  sendEvent: vi.fn(async () => {
    throw new Error("unexpected event");
  }),
}));

import { GET as auditCsv } from "@/app/(app)/settings/audit/csv/route";
import { db } from "@/server/db";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { setBudget } from "@/server/services/budgets/set-budget";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { getDashboard } from "@/server/services/orgs/get-dashboard";
import { sellerAgent, startHeldTask } from "../support/billing-fixtures";
import { addMember, callerFor, createUser, ownerWithOrg, signInHeaders, unique } from "../support/factories";

const NOW = new Date("2030-06-20T12:00:00Z");
const at = (iso: string) => new Date(iso);

/** A task charged (or released, or left running) with its times set as if it ran then. */
async function run(
  orgId: string,
  agentId: string,
  amount: number,
  opts: { settle: "capture" | "release" | null; at: string; state: "COMPLETED" | "FAILED" | "WORKING" },
) {
  const taskId = await startHeldTask({ orgId, agentId, amount });
  if (opts.settle === "capture") await captureHold({ taskId });
  if (opts.settle === "release") await releaseHold({ taskId, reason: "failed" });
  await db.task.update({ where: { id: taskId }, data: { state: opts.state, createdAt: at(opts.at) } });
  if (opts.settle) await db.creditHold.update({ where: { taskId }, data: { settledAt: at(opts.at) } });
  return taskId;
}

describe("the dashboard", () => {
  it("adds up this month's spend, the daily chart, runs and top agents for the org only", async () => {
    const { org, user } = await ownerWithOrg("Dash Co");
    await grantCredits({ orgId: org.id, amount: 2_000, key: `test:${unique()}`, reason: "Pilot", actorUserId: null });
    const a = await sellerAgent(10);
    const b = await sellerAgent(10);
    await db.agent.update({ where: { id: a.agent.id }, data: { name: "Alpha Analyst" } });
    await db.agent.update({ where: { id: b.agent.id }, data: { name: "Beta Writer" } });
    await run(org.id, a.agent.id, 100, { settle: "capture", at: "2030-06-20T08:00:00Z", state: "COMPLETED" });
    await run(org.id, a.agent.id, 60, { settle: "capture", at: "2030-06-19T10:00:00Z", state: "COMPLETED" });
    await run(org.id, b.agent.id, 30, { settle: "capture", at: "2030-06-19T23:30:00Z", state: "COMPLETED" });
    await run(org.id, b.agent.id, 500, { settle: "capture", at: "2030-05-30T12:00:00Z", state: "COMPLETED" });
    const running = await run(org.id, b.agent.id, 20, { settle: null, at: "2030-06-20T11:00:00Z", state: "WORKING" });
    await run(org.id, a.agent.id, 70, { settle: "release", at: "2030-06-20T09:00:00Z", state: "FAILED" });
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 1_000 });
    // Another org's spend never shows.
    const other = await ownerWithOrg("Other Co");
    await grantCredits({ orgId: other.org.id, amount: 100, key: `test:${unique()}`, reason: "x", actorUserId: null });
    await run(other.org.id, a.agent.id, 50, { settle: "capture", at: "2030-06-20T07:00:00Z", state: "COMPLETED" });

    const d = await getDashboard({ orgId: org.id, now: NOW });
    expect(d.month).toEqual({
      key: "2030-06",
      chargedCredits: 190,
      committedCredits: 210,
      capCredits: 1_000,
      percent: 21,
      alert: false,
      runs: 5,
    });
    expect(d.spendByDay).toHaveLength(30);
    expect(d.spendByDay[0]).toEqual({ day: "2030-05-22", credits: 0 });
    expect(d.spendByDay.at(-1)).toEqual({ day: "2030-06-20", credits: 100 });
    expect(d.spendByDay.filter((x) => x.credits > 0)).toEqual([
      { day: "2030-05-30", credits: 500 },
      { day: "2030-06-19", credits: 90 },
      { day: "2030-06-20", credits: 100 },
    ]);
    expect(d.topAgents.map((t) => [t.name, t.credits, t.runs])).toEqual([
      ["Alpha Analyst", 160, 2],
      ["Beta Writer", 30, 1],
    ]);
    expect(d.runsInFlight).toMatchObject({ count: 1, items: [{ id: running, state: "WORKING", price: 20 }] });
    expect(d.recentRuns.map((r) => [r.agentName, r.state, r.price])).toEqual([
      ["Beta Writer", "WORKING", 20],
      ["Alpha Analyst", "FAILED", 70],
      ["Alpha Analyst", "COMPLETED", 100],
      ["Beta Writer", "COMPLETED", 30],
      ["Alpha Analyst", "COMPLETED", 60],
      ["Beta Writer", "COMPLETED", 500],
    ]);
    expect(d.balance).toEqual({ available: 2_000 - 690 - 20, held: 20 });
  });

  it("says what happened in each activity row: the amount, the cap, the key's name", async () => {
    const { org, user, caller } = await ownerWithOrg("Activity Co");
    await grantCredits({ orgId: org.id, amount: 1_500, key: `test:${unique()}`, reason: "Pilot", actorUserId: null });
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 5_000 });
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 8_000 });
    const key = await createApiKey({
      orgId: org.id,
      userId: user.id,
      name: "Backend",
      scopes: ["tasks:read"],
      expiresInDays: null,
    });
    await revokeApiKey({ orgId: org.id, keyId: key.id, userId: user.id });

    const d = await caller.orgs.dashboard({ orgId: org.id });
    expect(d.recentActivity.map((a) => [a.summary, a.actorName])).toEqual([
      ["API key “Backend” revoked", "Owner"],
      ["API key “Backend” created", "Owner"],
      ["Monthly cap set to 8,000 credits (was 5,000 credits)", "Owner"],
      ["Monthly cap set to 5,000 credits", "Owner"],
      ["1,500 credits granted — “Pilot”", null],
    ]);
    expect(d.month).toMatchObject({ capCredits: 8_000, committedCredits: 0, chargedCredits: 0 });
    expect(d.spendByDay.every((x) => x.credits === 0)).toBe(true);
    expect(d.topAgents).toEqual([]);
    expect(d.runsInFlight).toEqual({ count: 0, items: [] });
  });
});

async function orgWithLog() {
  const owner = await ownerWithOrg("Audit Co");
  const admin = await createUser("Ada Admin");
  await addMember(owner.org.id, admin.id, "admin");
  for (let i = 1; i <= 5; i++)
    await grantCredits({ orgId: owner.org.id, amount: i, key: `test:${unique()}`, reason: `g${i}`, actorUserId: null });
  await setBudget({ orgId: owner.org.id, userId: admin.id, departmentId: null, monthlyCapCredits: 900 });
  await createApiKey({
    orgId: owner.org.id,
    userId: owner.user.id,
    name: "=cmd|' /C calc'!A0",
    scopes: [],
    expiresInDays: null,
  });
  return { ...owner, admin };
}

describe("the audit log", () => {
  it("filters by action, actor and day, and pages stably by cursor", async () => {
    const { org, caller, admin, user } = await orgWithLog();
    const all = await caller.orgs.auditLog({ orgId: org.id, limit: 50 });
    expect(all.items.map((r) => r.action)).toEqual([
      "api_key.created",
      "budget.set",
      ...Array(5).fill("credits.granted"),
    ]);
    expect(all.items[1]).toMatchObject({
      summary: "Monthly cap set to 900 credits",
      actor: { id: admin.id, name: "Ada Admin" },
      data: { from: null, to: 900, departmentId: null },
    });

    const grants = await caller.orgs.auditLog({ orgId: org.id, action: "credits.granted", limit: 2 });
    expect(grants.items.map((r) => r.summary)).toEqual(["5 credits granted — “g5”", "4 credits granted — “g4”"]);
    await grantCredits({ orgId: org.id, amount: 99, key: `test:${unique()}`, reason: "late", actorUserId: null });
    const next = await caller.orgs.auditLog({
      orgId: org.id,
      action: "credits.granted",
      limit: 2,
      cursor: grants.nextCursor,
    });
    expect(next.items.map((r) => r.data.reason)).toEqual(["g3", "g2"]);

    const byActor = await caller.orgs.auditLog({ orgId: org.id, actorUserId: user.id });
    expect(byActor.items.map((r) => r.action)).toEqual(["api_key.created"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await caller.orgs.auditLog({ orgId: org.id, from: today, limit: 50 })).items).toHaveLength(8);
    expect((await caller.orgs.auditLog({ orgId: org.id, to: "2026-01-01" })).items).toEqual([]);

    const options = await caller.orgs.auditFilters({ orgId: org.id });
    expect(options.actions).toEqual(["api_key.created", "budget.set", "credits.granted"]);
    expect(options.actors.map((a) => a.name).sort()).toEqual(["Ada Admin", "Owner"]);
  });

  it("is for owners and admins of the org only", async () => {
    const { org, admin } = await orgWithLog();
    expect((await (await callerFor(admin.email)).orgs.auditLog({ orgId: org.id })).items.length).toBeGreaterThan(0);
    for (const role of ["member", "viewer"] as const) {
      const person = await createUser(role);
      await addMember(org.id, person.id, role);
      const caller = await callerFor(person.email);
      await expect(caller.orgs.auditLog({ orgId: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.orgs.verifyAuditLog({ orgId: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const stranger = await ownerWithOrg("Snoop");
    await expect(stranger.caller.orgs.auditLog({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.orgs.verifyAuditLog({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("verifies the chain, and finds the row someone edited", async () => {
    const { org, caller } = await orgWithLog();
    expect(await caller.orgs.verifyAuditLog({ orgId: org.id })).toMatchObject({ ok: true, rows: 7 });

    const third = (await db.auditLog.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" } }))[2]!;
    await db.auditLog.update({ where: { id: third.id }, data: { data: { amount: 3_000, reason: "g3" } } });
    expect(await caller.orgs.verifyAuditLog({ orgId: org.id })).toMatchObject({
      ok: false,
      rows: 2,
      brokenAt: third.id.toString(),
      reason: "hash_mismatch",
    });
  });

  it("downloads as CSV with the filters, formula-looking text defused", async () => {
    const { org, user, admin } = await orgWithLog();
    const mallory = await createUser('=HYPERLINK("http://evil.test")');
    await addMember(org.id, mallory.id, "admin");
    await setBudget({ orgId: org.id, userId: mallory.id, departmentId: null, monthlyCapCredits: 1_200 });
    const download = async (email: string | null, query: string) =>
      auditCsv(
        new Request(`http://bureau.test/settings/audit/csv?${query}`, {
          headers: email ? await signInHeaders(email) : new Headers(),
        }),
        undefined,
      );
    const response = await download(user.email, `orgId=${org.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="bureau-audit-log-org-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Id,Date (UTC),Action,Summary,Actor,Actor email,Target,Data,Hash");
    expect(lines).toHaveLength(9);
    // Mallory's name would run as a formula in a spreadsheet; it arrives as text.
    expect(lines[1]).toContain(
      'budget.set,"Monthly cap set to 1,200 credits (was 900 credits)",' +
        `"'=HYPERLINK(""http://evil.test"")",${mallory.email}`,
    );
    expect(lines[2]).toContain(`api_key.created,API key “=cmd|' /C calc'!A0” created,Owner,${user.email}`);
    expect(lines[2]).toMatch(/,"\{""name"":""=cmd\|' \/C calc'!A0""/);

    const filtered = await download(admin.email, `orgId=${org.id}&action=budget.set&from=&to=`);
    const rows = (await filtered.text()).trimEnd().split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain("Monthly cap set to 900 credits,Ada Admin");

    expect((await download(null, `orgId=${org.id}`)).status).toBe(401);
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    expect((await download(member.email, `orgId=${org.id}`)).status).toBe(403);
    expect((await download((await ownerWithOrg("Snoop")).user.email, `orgId=${org.id}`)).status).toBe(404);
    expect((await download(user.email, `orgId=${org.id}&action=DROP TABLE`)).status).toBe(400);
  });
});
