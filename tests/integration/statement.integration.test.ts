import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const stripe = await vi.hoisted(async () => (await import("../support/local-stripe-env")).useLocalStripe());
// No budgets are set here, so no hold may emit an event.
vi.mock("@/server/jobs/send", () => ({
  sendEvent: vi.fn(async () => {
    throw new Error("unexpected event");
  }),
}));

import { GET as statementCsv } from "@/app/(app)/credits/statement/csv/route";
import { db } from "@/server/db";
import { applyChargeRefund } from "@/server/services/billing/apply-charge-refund";
import { syncCheckoutSession } from "@/server/services/billing/sync-checkout-session";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { getOrgBalance } from "@/server/services/ledger/get-balance";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { sellerAgent, startHeldTask } from "../support/billing-fixtures";
import { addMember, callerFor, createUser, ownerWithOrg, signInHeaders, unique } from "../support/factories";

afterAll(() => stripe.close());

type Caller = Awaited<ReturnType<typeof callerFor>>;

/**
 * One org's money through every kind of movement, the real way: a grant, a
 * Stripe Checkout purchase, a task charged, a task released, a partial
 * refund from Stripe, and a task still on hold.
 */
async function orgWithHistory() {
  const buyer = await ownerWithOrg("Ledger Co");
  const { org, caller } = buyer;
  await grantCredits({
    orgId: org.id,
    amount: 500,
    key: `test:${unique()}`,
    reason: '=HYPERLINK("http://evil.test","click")',
    actorUserId: null,
  });
  const { url } = await caller.credits.createCheckout({ orgId: org.id, packId: "pack-1000" });
  const sessionId = url.split("/").at(-1)!;
  stripe.state.completeCheckout(sessionId);
  expect(await syncCheckoutSession({ sessionId })).toEqual({ outcome: "credited" });
  const purchase = await db.purchase.findFirstOrThrow({ where: { orgId: org.id } });

  const { agent } = await sellerAgent(100);
  await db.agent.update({ where: { id: agent.id }, data: { name: "@Summariser" } });
  const charged = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 100 });
  expect(await captureHold({ taskId: charged })).toEqual({ captured: true });
  const released = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 50 });
  expect(await releaseHold({ taskId: released, reason: "agent failed" })).toEqual({ released: true });
  const chargeId = stripe.state.chargeOfSession(sessionId).id;
  stripe.state.refundCharge(chargeId, 250);
  expect(await applyChargeRefund({ chargeId })).toEqual({ outcome: "deducted" });
  const running = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 30 });
  return { ...buyer, purchase, sessionId, chargeId, agent, tasks: { charged, released, running } };
}

let history: Awaited<ReturnType<typeof orgWithHistory>>;
beforeAll(async () => {
  history = await orgWithHistory();
});

async function everyLine(caller: Caller, input: Parameters<Caller["credits"]["statement"]>[0]) {
  const lines = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<Caller["credits"]["statement"]>> = await caller.credits.statement({
      ...input,
      cursor,
    });
    lines.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return lines;
}

describe("the statement", () => {
  it("lists every movement newest first with the running balances after each", async () => {
    const { org, caller, purchase, tasks } = history;
    const { items, nextCursor } = await caller.credits.statement({ orgId: org.id, limit: 50 });
    expect(nextCursor).toBeNull();
    expect(items.map((l) => [l.kind, l.available, l.held, l.availableAfter, l.heldAfter])).toEqual([
      ["hold", -30, 30, 1_120, 30],
      ["refund", -250, 0, 1_150, 0],
      ["release", 50, -50, 1_400, 0],
      ["hold", -50, 50, 1_350, 50],
      ["charge", 0, -100, 1_400, 0],
      ["hold", -100, 100, 1_400, 100],
      ["purchase", 1_000, 0, 1_500, 0],
      ["grant", 500, 0, 500, 0],
    ]);
    // The newest line's balances are the balances the org has now.
    const balance = await getOrgBalance({ orgId: org.id });
    expect([items[0]!.availableAfter, items[0]!.heldAfter]).toEqual([balance.available, balance.held]);

    // Each line names what it belongs to.
    const refs = items.map((l) => l.reference);
    expect(refs[0]).toEqual({
      type: "task",
      taskId: tasks.running,
      agentName: "@Summariser",
      agentSlug: expect.any(String),
    });
    expect(refs[1]).toMatchObject({ type: "purchase", purchaseId: purchase.id, credits: 1_000, amountCents: 1_000 });
    expect(refs[2]).toMatchObject({ type: "task", taskId: tasks.released });
    expect(refs[4]).toMatchObject({ type: "task", taskId: tasks.charged });
    expect(refs[6]).toMatchObject({ type: "purchase", purchaseId: purchase.id });
    expect(refs[7]).toBeNull();
    expect(items[7]!.memo).toBe('=HYPERLINK("http://evil.test","click")');
    expect(items[2]!.memo).toBe("agent failed");
  });

  it("filters by kind and by date range while keeping the true balances", async () => {
    const { org, caller } = history;
    const holds = await caller.credits.statement({ orgId: org.id, kinds: ["hold"], limit: 50 });
    expect(holds.items.map((l) => [l.available, l.availableAfter])).toEqual([
      [-30, 1_120],
      [-50, 1_350],
      [-100, 1_400],
    ]);
    const money = await caller.credits.statement({ orgId: org.id, kinds: ["purchase", "refund"], limit: 50 });
    expect(money.items.map((l) => l.kind)).toEqual(["refund", "purchase"]);

    // Move the grant to an earlier month: only a range around it finds it.
    const grant = await db.ledgerTransaction.findFirstOrThrow({ where: { orgId: org.id, kind: "grant" } });
    await db.ledgerTransaction.update({
      where: { id: grant.id },
      data: { createdAt: new Date("2026-01-05T23:59:00Z") },
    });
    const january = await caller.credits.statement({ orgId: org.id, from: "2026-01-01", to: "2026-01-05", limit: 50 });
    expect(january.items.map((l) => [l.kind, l.availableAfter])).toEqual([["grant", 500]]);
    const dayAfter = await caller.credits.statement({ orgId: org.id, from: "2026-01-06", to: "2026-01-31", limit: 50 });
    expect(dayAfter.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const recent = await caller.credits.statement({ orgId: org.id, from: today, limit: 50 });
    expect(recent.items).toHaveLength(7);

    await expect(
      caller.credits.statement({ orgId: org.id, from: "2026-02-01", to: "2026-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.credits.statement({ orgId: org.id, from: "2026-02-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.credits.statement({ orgId: org.id, kinds: ["payout" as "hold"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("pages by cursor without skipping or repeating lines while new money arrives", async () => {
    const { org, caller } = await ownerWithOrg("Pager");
    for (let i = 1; i <= 7; i++)
      await grantCredits({ orgId: org.id, amount: i, key: `test:${unique()}`, reason: `g${i}`, actorUserId: null });

    const first = await caller.credits.statement({ orgId: org.id, limit: 3 });
    expect(first.items.map((l) => l.memo)).toEqual(["g7", "g6", "g5"]);
    // A grant lands between page reads: it goes on top, the next page is unchanged.
    await grantCredits({ orgId: org.id, amount: 100, key: `test:${unique()}`, reason: "late", actorUserId: null });
    const second = await caller.credits.statement({ orgId: org.id, limit: 3, cursor: first.nextCursor });
    expect(second.items.map((l) => [l.memo, l.availableAfter])).toEqual([
      ["g4", 10],
      ["g3", 6],
      ["g2", 3],
    ]);
    const third = await caller.credits.statement({ orgId: org.id, limit: 3, cursor: second.nextCursor });
    expect(third.items.map((l) => l.memo)).toEqual(["g1"]);
    expect(third.nextCursor).toBeNull();

    const all = await everyLine(caller, { orgId: org.id, limit: 2 });
    expect(all.map((l) => l.memo)).toEqual(["late", "g7", "g6", "g5", "g4", "g3", "g2", "g1"]);
    expect(all[0]!.availableAfter).toBe(128);
  });

  it("is the caller's org only, and not for viewers", async () => {
    const { org } = history;
    const stranger = await ownerWithOrg("Stranger");
    await expect(stranger.caller.credits.statement({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stranger.caller.credits.statement({ orgId: stranger.org.id })).items).toEqual([]);

    const viewer = await createUser("Viewer");
    await addMember(org.id, viewer.id, "viewer");
    await expect((await callerFor(viewer.email)).credits.statement({ orgId: org.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    expect((await (await callerFor(member.email)).credits.statement({ orgId: org.id, limit: 1 })).items).toHaveLength(
      1,
    );
  });
});

async function downloadCsv(email: string | null, query: string) {
  const headers = email ? await signInHeaders(email) : new Headers();
  return statementCsv(new Request(`http://bureau.test/credits/statement/csv?${query}`, { headers }), undefined);
}

/** Minimal RFC 4180 reader for the assertions (quoted cells, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)) {
    const cells: string[] = [];
    for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
      cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? ""));
    rows.push(cells);
  }
  return rows;
}

describe("the statement as CSV", () => {
  it("downloads every line as an attachment, with formula-looking text defused", async () => {
    const { org, user, purchase, tasks } = history;
    const response = await downloadCsv(user.email, `orgId=${org.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const slug = (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).slug;
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="bureau-statement-${slug}-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      "Date (UTC)",
      "Kind",
      "Description",
      "Task",
      "Purchase",
      "Available change",
      "On hold change",
      "Available after",
      "On hold after",
      "Memo",
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[5], r[7]])).toEqual([
      ["hold", "-30", "1120"],
      ["refund", "-250", "1150"],
      ["release", "50", "1400"],
      ["hold", "-50", "1350"],
      ["charge", "0", "1400"],
      ["hold", "-100", "1400"],
      ["purchase", "1000", "1500"],
      ["grant", "500", "500"],
    ]);
    expect(rows[1]!.slice(2, 5)).toEqual(["'@Summariser", tasks.running, ""]);
    expect(rows[2]!.slice(2, 5)).toEqual(["1,000-credit pack", "", purchase.id]);
    // The grant's reason would be a live formula; it is text with a leading apostrophe.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(rows.at(-1)![9]).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("applies the page's filters", async () => {
    const { org, user } = history;
    const rows = parseCsv(await (await downloadCsv(user.email, `orgId=${org.id}&kind=hold&kind=charge`)).text());
    expect(rows.slice(1).map((r) => r[1])).toEqual(["hold", "hold", "charge", "hold"]);
    const bad = await downloadCsv(user.email, `orgId=${org.id}&from=2026-13-01`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_input" } });
  });

  it("answers 401 without a session, 404 for another org, 403 for a viewer", async () => {
    const { org } = history;
    expect((await downloadCsv(null, `orgId=${org.id}`)).status).toBe(401);
    const stranger = await ownerWithOrg("Snoop");
    const foreign = await downloadCsv(stranger.user.email, `orgId=${org.id}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("1120");
    const viewer = await createUser("Viewer");
    await addMember(org.id, viewer.id, "viewer");
    expect((await downloadCsv(viewer.email, `orgId=${org.id}`)).status).toBe(403);
    expect((await downloadCsv(stranger.user.email, "orgId=")).status).toBe(400);
  });
});

describe("receipts", () => {
  it("shows a paid purchase's receipt to its org only", async () => {
    const { org, caller, purchase, sessionId, chargeId, user } = history;
    const receipt = await caller.credits.receipt({ orgId: org.id, purchaseId: purchase.id });
    expect(receipt).toMatchObject({
      id: purchase.id,
      packId: "pack-1000",
      credits: 1_000,
      amountCents: 1_000,
      currency: "usd",
      status: "PARTIALLY_REFUNDED",
      refundedCredits: 250,
      stripeCheckoutSessionId: sessionId,
      stripeChargeId: chargeId,
      orgName: "Ledger Co",
      buyer: { name: "Owner", email: user.email },
    });
    expect(receipt.stripePaymentIntentId).toMatch(/^pi_/);
    expect(receipt.receiptUrl).toContain("/receipts/");
    expect(receipt.paidAt.getTime()).toBeLessThanOrEqual(Date.now());

    const stranger = await ownerWithOrg("Stranger");
    await expect(
      stranger.caller.credits.receipt({ orgId: stranger.org.id, purchaseId: purchase.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A checkout that was never paid has no receipt.
    const { url } = await caller.credits.createCheckout({ orgId: org.id, packId: "pack-1000" });
    const open = await db.purchase.findFirstOrThrow({ where: { stripeCheckoutSessionId: url.split("/").at(-1)! } });
    await expect(caller.credits.receipt({ orgId: org.id, purchaseId: open.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
