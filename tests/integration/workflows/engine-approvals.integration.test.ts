import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { decideApproval } from "@/server/services/workflows/decide-approval";
import { buyerWithCredits } from "../../support/task-fixtures";
import { flow, node, runFlow, to, useWorkflowEngine, waitForRun, waitForStep } from "./engine-fixtures";

useWorkflowEngine();

const reviewFlow = (config: Parameters<typeof node.approval>[2] = {}) =>
  flow(
    [
      node.trigger(),
      node.transform("draft", "Press release about {{ input.topic }}"),
      node.approval("legal", "Publish this? {{ steps.draft.output }}", config),
      node.output("result", "{{ steps.draft.output }} ({{ steps.legal.data.decision }}: {{ steps.legal.output }})"),
    ],
    [to("start", "draft"), to("draft", "legal"), to("legal", "result")],
  );

async function pendingApproval(runId: string) {
  await waitForStep(runId, "legal", "WAITING");
  await expect.poll(() => db.approval.count({ where: { runId } })).toBe(1);
  return db.approval.findFirstOrThrow({ where: { runId } });
}

describe("workflow engine: approvals", () => {
  it("waits for the decision (the run WAITING), is woken by it, then goes on with the comment", async () => {
    const buyer = await buyerWithCredits(0);
    const { runId } = await runFlow(buyer, reviewFlow(), { topic: "tidal power" });
    const approval = await pendingApproval(runId);
    expect(approval.subject).toMatchObject({
      kind: "workflow_step",
      nodeId: "legal",
      text: "Publish this? Press release about tidal power",
    });
    expect(approval.approverRoles).toEqual(["owner"]);
    await expect
      .poll(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).state)
      .toBe("WAITING");
    // The approver is notified in-app.
    expect(
      await db.notification.count({ where: { userId: buyer.user.id, sourceKey: `approval:${approval.id}` } }),
    ).toBe(1);
    // By now the run's own re-reads have backed off to 30 s (after 1 s and 5 s): without the decision's
    // wake it would end some 28 s after the decision, not within 15.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const decidedAt = Date.now();
    await decideApproval({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      approvalId: approval.id,
      decision: "approve",
      comment: "Fine by legal",
    });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("SUCCEEDED");
    expect(Date.now() - decidedAt).toBeLessThan(15_000);
    expect(steps.legal!.data).toMatchObject({
      decision: "approved",
      comment: "Fine by legal",
      decidedById: buyer.user.id,
    });
    expect(run.output).toBe("Press release about tidal power (approved: Fine by legal)");
  });

  it("a rejection fails the step and the run, saying who rejected and why", async () => {
    const buyer = await buyerWithCredits(0);
    const { runId } = await runFlow(buyer, reviewFlow(), { topic: "geothermal" });
    const approval = await pendingApproval(runId);
    await decideApproval({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      approvalId: approval.id,
      decision: "reject",
      comment: "Numbers unchecked",
    });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect(steps.legal!.state).toBe("FAILED");
    expect((steps.legal!.error as { message: string }).message).toMatch(/^Rejected by .+: Numbers unchecked$/);
    expect(run.error).toMatchObject({ nodeId: "legal" });
    expect(steps.result!.state).toBe("PENDING");
  });

  it("at the deadline applies the step's timeout outcome, once; a decision after it is refused", async () => {
    const buyer = await buyerWithCredits(0);
    // 0.01 h = 36 s, the shortest deadline a graph may set: both runs wait it out for real.
    const approving = await runFlow(buyer, reviewFlow({ deadlineHours: 0.01, onTimeout: "approve" }), { topic: "a" });
    const rejecting = await runFlow(buyer, reviewFlow({ deadlineHours: 0.01, onTimeout: "reject" }), { topic: "b" });
    const [approveLater, rejectLater] = await Promise.all([
      pendingApproval(approving.runId),
      pendingApproval(rejecting.runId),
    ]);
    const [approved, rejected] = await Promise.all([
      waitForRun(approving.runId, undefined, 70_000),
      waitForRun(rejecting.runId, undefined, 70_000),
    ]);
    expect(approved.run.state).toBe("SUCCEEDED");
    expect(approved.steps.legal!.data).toMatchObject({ decision: "approved", timedOut: true });
    expect(rejected.run.state).toBe("FAILED");
    expect((rejected.steps.legal!.error as { message: string }).message).toMatch(/Nobody decided by the deadline/);
    for (const approval of [approveLater, rejectLater]) {
      expect((await db.approval.findUniqueOrThrow({ where: { id: approval.id } })).state).toBe("EXPIRED");
      await expect(
        decideApproval({
          orgId: buyer.org.id,
          actor: { kind: "user", userId: buyer.user.id },
          approvalId: approval.id,
          decision: "approve",
        }),
      ).rejects.toMatchObject({ code: "conflict" });
      const decided = await db.event.findMany({ where: { subjectId: approval.id, type: "approval.decided" } });
      expect(decided.map((e) => (e.data as { state: string }).state)).toEqual(["EXPIRED"]);
    }
  }, 120_000);
});
