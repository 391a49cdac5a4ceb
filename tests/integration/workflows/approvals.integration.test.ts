import nodemailer from "nodemailer";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import type { JobEvent } from "@/server/jobs/types";
import { createApproval, type CreateApprovalInput } from "@/server/services/workflows/create-approval";
import { decideApproval } from "@/server/services/workflows/decide-approval";
import { getWorkflowRun } from "@/server/services/workflows/get-workflow-run";
import { listApprovals } from "@/server/services/workflows/list-approvals";
import { notifyApprovers } from "@/server/services/workflows/notify-approvers";
import { startWorkflowRun } from "@/server/services/workflows/start-workflow-run";
import { cancelWorkflowRun } from "@/server/services/workflows/cancel-workflow-run";
import { sellerAgent } from "../../support/billing-fixtures";
import { addMember, callerFor, createUser } from "../../support/factories";
import { buyerWithCredits } from "../../support/task-fixtures";
import { agentGraph, publishedWorkflow } from "./workflow-fixtures";

const sent = vi.hoisted(() => [] as JobEvent[]);
vi.mock("@/server/jobs/send", () => ({
  sendEvent: async (events: JobEvent | JobEvent[]) => {
    sent.push(...(Array.isArray(events) ? events : [events]));
  },
}));

const as = (userId: string) => ({ kind: "user" as const, userId });
const HOUR = 3_600_000;

/** An org with a running workflow run waiting on an approval step, an admin, a member and a viewer. */
async function waitingRun(overrides: Partial<CreateApprovalInput> = {}) {
  const { agent } = await sellerAgent(50);
  const buyer = await buyerWithCredits(500);
  const admin = await createUser("Ada Admin");
  const member = await createUser("Max Member");
  const named = await createUser("Nora Named");
  await addMember(buyer.org.id, admin.id, "admin");
  await addMember(buyer.org.id, member.id, "member");
  await addMember(buyer.org.id, named.id, "viewer");
  const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, agentGraph(agent.slug), "Legal review");
  const { id: runId } = await startWorkflowRun({
    orgId: buyer.org.id,
    actor: as(buyer.user.id),
    workflowId: workflow.id,
    input: {},
    trigger: "MANUAL",
  });
  await db.workflowRun.update({ where: { id: runId }, data: { state: "WAITING" } });
  const step = await db.workflowStepRun.create({ data: { runId, nodeId: "legal_ok", state: "WAITING", attempt: 1 } });
  const input: CreateApprovalInput = {
    orgId: buyer.org.id,
    runId,
    stepRunId: step.id,
    title: "Publish the post?",
    subject: {
      kind: "workflow_step",
      workflowId: workflow.id,
      workflowName: "Legal review",
      nodeId: "legal_ok",
      nodeName: "Legal sign-off",
      text: "The post says our tea cures colds.",
      priceCredits: 50,
      spentCredits: 120,
    },
    approverRoles: ["admin"],
    approverUserIds: [named.id],
    deadlineAt: new Date(Date.now() + 24 * HOUR),
    onTimeout: "REJECT",
    ...overrides,
  };
  return { buyer, admin, member, named, workflow, runId, step, input };
}

describe("approvals", () => {
  it("opens once per step, records approval.requested and notifies exactly the approvers (bell, email)", async () => {
    const { buyer, admin, member, named, input, runId } = await waitingRun();
    const mails: string[] = [];
    // A transport that only records who each message went to.
    const transport = nodemailer.createTransport({
      name: "recording",
      version: "1",
      send: (mail, done) => {
        mails.push(String(mail.data.to));
        done(null, { envelope: mail.message.getEnvelope(), messageId: `<${crypto.randomUUID()}@test>` });
      },
    });
    const first = await createApproval({ ...input, transport });
    expect(first.created).toBe(true);
    expect(first.approval).toMatchObject({ state: "PENDING", title: "Publish the post?", onTimeout: "REJECT" });
    const again = await createApproval({ ...input, transport });
    expect(again).toMatchObject({ created: false, approval: { id: first.approval.id } });

    const notices = await db.notification.findMany({ where: { sourceKey: `approval:${first.approval.id}` } });
    expect(notices.map((n) => n.userId).sort()).toEqual([admin.id, named.id].sort());
    expect(notices[0]!.body).toContain("Legal review: Legal sign-off (about 50 credits)");
    expect(notices[0]!.link).toBe(`/approvals?id=${first.approval.id}`);
    expect(mails.sort()).toEqual([admin.email, named.email].sort());
    expect(await notifyApprovers(first.approval.id, { transport })).toEqual({ notified: 0, emailed: 0 });
    expect(mails).toHaveLength(2);

    const events = await db.event.findMany({ where: { orgId: buyer.org.id, type: "approval.requested" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ runId, title: "Publish the post?", priceCredits: 50 });
    const run = await getWorkflowRun({ orgId: buyer.org.id, actor: as(member.id), runId });
    expect(run.pendingApprovals.map((a) => a.id)).toEqual([first.approval.id]);
  });

  it("lists the inbox by role or name, and everything for admins", async () => {
    const { buyer, admin, member, named, input } = await waitingRun();
    const { approval } = await createApproval(input);
    const mine = (userId: string, scope: "mine" | "all" = "mine") =>
      listApprovals({ orgId: buyer.org.id, actor: as(userId), state: "PENDING", scope, limit: 10 });
    expect((await mine(admin.id)).items.map((a) => [a.id, a.canDecide])).toEqual([[approval.id, true]]);
    expect((await mine(named.id)).items.map((a) => [a.id, a.canDecide])).toEqual([[approval.id, true]]);
    expect((await mine(member.id)).items).toEqual([]);
    expect((await mine(member.id, "all")).items).toEqual([]);
    expect((await mine(buyer.user.id, "all")).items.map((a) => [a.id, a.canDecide])).toEqual([[approval.id, false]]);
    const key = await listApprovals({
      orgId: buyer.org.id,
      actor: { kind: "apiKey", apiKeyId: "k", scopes: ["approvals:write"] },
      state: "PENDING",
      scope: "all",
      limit: 10,
    });
    expect(key.items.map((a) => [a.id, a.canDecide])).toEqual([[approval.id, true]]);
    const other = await buyerWithCredits(0);
    expect(
      (await listApprovals({ orgId: other.org.id, actor: as(other.user.id), scope: "all", limit: 10 })).items,
    ).toEqual([]);
  });

  it("lets only an approver decide, once; the second decision is refused saying who decided", async () => {
    const { buyer, admin, member, named, input, runId } = await waitingRun();
    const { approval } = await createApproval(input);
    await expect(
      decideApproval({ orgId: buyer.org.id, actor: as(member.id), approvalId: approval.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "forbidden", message: "You are not one of this approval's approvers." });
    // The owner is not an approver of this one either: owners are not admins by rank here.
    await expect(
      decideApproval({ orgId: buyer.org.id, actor: as(buyer.user.id), approvalId: approval.id, decision: "reject" }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const decided = await decideApproval({
      orgId: buyer.org.id,
      actor: as(named.id),
      approvalId: approval.id,
      decision: "approve",
      comment: "  Fine once the claim is softened.  ",
    });
    expect(decided).toMatchObject({
      state: "APPROVED",
      decidedById: named.id,
      comment: "Fine once the claim is softened.",
    });
    expect(sent).toContainEqual({
      name: "workflow/approval.decided",
      id: `workflow-approval:${approval.id}`,
      data: { approvalId: approval.id, runId },
    });
    await expect(
      decideApproval({ orgId: buyer.org.id, actor: as(admin.id), approvalId: approval.id, decision: "reject" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^This approval was already approved by Nora Named at /),
    });
    const row = await db.approval.findUniqueOrThrow({ where: { id: approval.id } });
    expect(row).toMatchObject({ state: "APPROVED", decidedById: named.id });
    const events = await db.event.findMany({ where: { orgId: buyer.org.id, type: "approval.decided" } });
    expect(events.map((e) => e.data)).toEqual([
      { runId, state: "APPROVED", outcome: "approve", comment: "Fine once the claim is softened." },
    ]);
  });

  it("of two racing decisions, applies exactly one", async () => {
    const { buyer, admin, named, input } = await waitingRun();
    const { approval } = await createApproval(input);
    const results = await Promise.allSettled([
      decideApproval({ orgId: buyer.org.id, actor: as(admin.id), approvalId: approval.id, decision: "reject" }),
      decideApproval({ orgId: buyer.org.id, actor: as(named.id), approvalId: approval.id, decision: "approve" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect(await db.event.count({ where: { orgId: buyer.org.id, type: "approval.decided" } })).toBe(1);
  });

  it("refuses decisions after the deadline, on an ended run, from another org, and from a non-approver", async () => {
    const late = await waitingRun({ deadlineAt: new Date(Date.now() - 1_000) });
    const { approval: expired } = await createApproval(late.input);
    await expect(
      decideApproval({
        orgId: late.buyer.org.id,
        actor: as(late.admin.id),
        approvalId: expired.id,
        decision: "approve",
      }),
    ).rejects.toMatchObject({ code: "already_finished", message: expect.stringMatching(/deadline passed.*rejected/) });

    const ctx = await waitingRun();
    const { approval } = await createApproval(ctx.input);
    const other = await buyerWithCredits(0);
    await expect(
      decideApproval({ orgId: other.org.id, actor: as(other.user.id), approvalId: approval.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "not_found" });
    const asMember = await callerFor(ctx.member.email);
    await expect(
      asMember.approvals.decide({ orgId: ctx.buyer.org.id, approvalId: approval.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asAdmin = await callerFor(ctx.admin.email);
    expect(
      (await asAdmin.approvals.list({ orgId: ctx.buyer.org.id, state: "PENDING" })).items.map((a) => a.id),
    ).toEqual([approval.id]);

    await cancelWorkflowRun({ orgId: ctx.buyer.org.id, actor: as(ctx.buyer.user.id), runId: ctx.runId });
    await expect(
      asAdmin.approvals.decide({ orgId: ctx.buyer.org.id, approvalId: approval.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "The run waiting on this approval has ended." });
    expect((await asAdmin.approvals.list({ orgId: ctx.buyer.org.id, state: "PENDING" })).items).toEqual([]);
    expect((await db.approval.findUniqueOrThrow({ where: { id: approval.id } })).state).toBe("PENDING");
  });

  it("an API key decides only with approvals:write, and the row names the key", async () => {
    const { buyer, input } = await waitingRun();
    const { approval } = await createApproval(input);
    await expect(
      decideApproval({
        orgId: buyer.org.id,
        actor: { kind: "apiKey", apiKeyId: "key-read", scopes: ["workflows:read"] },
        approvalId: approval.id,
        decision: "approve",
      }),
    ).rejects.toMatchObject({ code: "missing_scope" });
    const decided = await decideApproval({
      orgId: buyer.org.id,
      actor: { kind: "apiKey", apiKeyId: "key-write", scopes: ["approvals:write"] },
      approvalId: approval.id,
      decision: "reject",
    });
    expect(decided).toMatchObject({ state: "REJECTED", decidedById: null, decidedByApiKeyId: "key-write" });
  });

  it("with no approvers named, owners and admins decide", async () => {
    const { buyer, admin, member, input } = await waitingRun({ approverRoles: [], approverUserIds: [] });
    const { approval } = await createApproval(input);
    expect(approval.approverRoles).toEqual(["owner", "admin"]);
    await expect(
      decideApproval({ orgId: buyer.org.id, actor: as(member.id), approvalId: approval.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(
      (await decideApproval({ orgId: buyer.org.id, actor: as(admin.id), approvalId: approval.id, decision: "approve" }))
        .state,
    ).toBe("APPROVED");
  });
});
