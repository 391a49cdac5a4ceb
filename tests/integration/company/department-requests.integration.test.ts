import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { TaskState } from "@/server/generated/prisma/enums";
import { askDepartment } from "@/server/services/company/requests/ask-department";
import { getRequestView } from "@/server/services/company/requests/request-view";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { requestCancel } from "@/server/services/tasks/cancel-task";
import { replyToTask } from "@/server/services/tasks/reply-to-task";
import { decideApproval } from "@/server/services/workflows/decide-approval";
import { smallCompany } from "../../support/company-fixtures";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits } from "../../support/task-fixtures";

useTaskRuntime();

type Buyer = Awaited<ReturnType<typeof buyerWithCredits>>;

const ask = (buyer: Buyer, departmentSlug: string | null, text: string) =>
  askDepartment({
    orgId: buyer.org.id,
    departmentSlug,
    message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text }] },
    actor: { kind: "user", userId: buyer.user.id },
    source: "UI",
  });

async function waitForState(taskId: string, states: TaskState[], timeout = 60_000) {
  await expect
    .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).state, { timeout, interval: 200 })
    .toSatisfy((s: TaskState) => states.includes(s));
  return db.task.findUniqueOrThrow({ where: { id: taskId } });
}

async function approveNext(buyer: Buyer, runId: string, title: RegExp) {
  await expect.poll(() => db.approval.count({ where: { runId, state: "PENDING" } }), { timeout: 30_000 }).toBe(1);
  const approval = await db.approval.findFirstOrThrow({ where: { runId, state: "PENDING" } });
  expect(approval.title).toMatch(title);
  await decideApproval({
    orgId: buyer.org.id,
    actor: { kind: "user", userId: buyer.user.id },
    approvalId: approval.id,
    decision: "approve",
    comment: null,
  });
  return approval;
}

const statusTexts = async (taskId: string) =>
  (await db.taskEvent.findMany({ where: { taskId, kind: "status" }, orderBy: { id: "asc" } })).map((e) => {
    const data = e.data as { state: string; message?: { parts: { kind: string; text?: string }[] } };
    return `${data.state}: ${data.message?.parts.map((p) => p.text ?? "").join(" ") ?? ""}`;
  });

describe("department requests (MANAGER tasks)", () => {
  it("asks the company: Finance, Marketing, Legal; accepted, gated, billed children, an answer", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const task = await ask(buyer, null, "Draft a launch blog post on our Q3 numbers and check it for legal risk");
    expect(task.created).toBe(true);

    // A company plan waits for an owner or admin to accept it: AUTH_REQUIRED, nothing held.
    const waiting = await waitForState(task.id, ["AUTH_REQUIRED", "FAILED", "INPUT_REQUIRED"]);
    expect(waiting.state).toBe("AUTH_REQUIRED");
    expect(waiting.kind).toBe("MANAGER");
    expect(waiting.price).toBe(0);
    const view = await getRequestView(buyer.org.id, task.id);
    expect(view.decision?.kind).toBe("plan");
    if (view.decision?.kind !== "plan") throw new Error("no plan");
    expect(view.decision.parts.map((p) => p.departmentSlug)).toEqual(["finance", "marketing", "legal"]);
    expect(view.decision.estimate).toEqual({ minCredits: 30, maxCredits: 30 });
    expect(await db.creditHold.count({ where: { orgId: buyer.org.id } })).toBe(0);
    const runId = view.run!.id;

    await approveNext(buyer, runId, /accept the plan/i);
    // Legal's policy gates its part: the request waits again, naming who must approve.
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: task.id } })).state, { timeout: 60_000 })
      .toBe("AUTH_REQUIRED");
    expect((await statusTexts(task.id)).at(-1)).toMatch(/^AUTH_REQUIRED: Waiting for .* to approve/);
    await approveNext(buyer, runId, /legal/i);

    const done = await waitForState(task.id, ["COMPLETED", "FAILED", "CANCELED", "REJECTED"]);
    expect(done.state).toBe("COMPLETED");
    const children = await db.task.findMany({ where: { parentTaskId: task.id }, orderBy: { createdAt: "asc" } });
    expect(children.map((c) => c.positionId)).toEqual([
      company.finance.position.id,
      company.marketing.position.id,
      company.legal.position.id,
    ]);
    for (const child of children) {
      expect(child).toMatchObject({ state: "COMPLETED", rootTaskId: task.id, depth: 1, price: 10, source: "WORKFLOW" });
    }
    expect(children.map((c) => c.departmentId)).toEqual([
      company.finance.department.id,
      company.marketing.department.id,
      company.legal.department.id,
    ]);
    // The answer: each part under its name, then each child's artifacts.
    const artifacts = await db.artifact.findMany({ where: { taskId: task.id }, orderBy: { createdAt: "asc" } });
    expect(artifacts[0]!.artifactId).toBe("answer");
    const answer = (artifacts[0]!.parts as { text: string }[])[0]!.text;
    const steps = await db.workflowStepRun.findMany({ where: { runId, taskId: { not: null } } });
    const graph = (await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).graph as {
      nodes: { id: string; name: string }[];
    };
    const headings = steps
      .map((s) => graph.nodes.find((n) => n.id === s.nodeId)!.name)
      .map((name) => answer.indexOf(`## ${name}\n`));
    expect(headings.every((i) => i >= 0)).toBe(true);
    expect(artifacts.length).toBeGreaterThan(1);
    expect(artifacts.slice(1).every((a) => children.some((c) => a.artifactId.startsWith(`${c.id}:`)))).toBe(true);
    // Each child's progress was told on the parent.
    const texts = await statusTexts(task.id);
    expect(texts.filter((t) => /^WORKING: Started /.test(t))).toHaveLength(3);
    // Billed once each, to the buyer: 30 credits, ledger clean, nothing held.
    const holds = await db.creditHold.findMany({ where: { orgId: buyer.org.id } });
    expect(holds.map((h) => h.status)).toEqual(["CAPTURED", "CAPTURED", "CAPTURED"]);
    expect((await checkLedger(db)).ok).toBe(true);
  }, 180_000);

  it("routes a request one position fits, run as that position with its standing instructions", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    // Finance runs plans up to 50 credits without asking.
    const { updateDepartment } = await import("@/server/services/company/departments/update-department");
    await updateDepartment({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      departmentId: company.finance.department.id,
      planAutoRunCredits: 50,
    });
    await db.position.update({
      where: { id: company.finance.position.id },
      data: { instructions: "Report in euros." },
    });
    const task = await ask(buyer, "finance", "Analyse these weekly signups: 120, 134, 98, 160, 171");
    const done = await waitForState(task.id, [
      "COMPLETED",
      "FAILED",
      "CANCELED",
      "REJECTED",
      "AUTH_REQUIRED",
      "INPUT_REQUIRED",
    ]);
    expect(done.state).toBe("COMPLETED");
    const view = await getRequestView(buyer.org.id, task.id);
    expect(view.decision?.kind).toBe("route");
    const [child] = await db.task.findMany({ where: { parentTaskId: task.id } });
    expect(child).toMatchObject({ positionId: company.finance.position.id, state: "COMPLETED" });
    const input = child!.input as { parts: { text: string }[] };
    expect(input.parts.at(-1)!.text).toBe("Standing instructions (Financial Analyst): Report in euros.");
    expect(input.parts[0]!.text).toMatch(/^Analyse these weekly signups/);
  }, 120_000);

  it("asks back when the request is too vague, and plans once the buyer answers", async () => {
    const buyer = await buyerWithCredits(1_000);
    await smallCompany(buyer, 10);
    const task = await ask(buyer, null, "help");
    const asked = await waitForState(task.id, ["INPUT_REQUIRED", "AUTH_REQUIRED", "COMPLETED", "FAILED"]);
    expect(asked.state).toBe("INPUT_REQUIRED");
    expect((await getRequestView(buyer.org.id, task.id)).decision?.kind).toBe("question");
    await replyToTask({
      orgId: buyer.org.id,
      taskId: task.id,
      message: {
        messageId: crypto.randomUUID(),
        role: "user",
        parts: [{ kind: "text", text: "Review this supplier contract for legal risk" }],
      },
    });
    const planned = await waitForState(task.id, ["AUTH_REQUIRED", "INPUT_REQUIRED", "COMPLETED", "FAILED"]);
    expect(planned.state).toBe("AUTH_REQUIRED");
    const view = await getRequestView(buyer.org.id, task.id);
    expect(view.decision && view.decision.kind !== "question" ? view.decision.graph.nodes.length : 0).toBeGreaterThan(
      0,
    );
  }, 120_000);

  it("cancels the request: its plan's run stops and nothing stays held", async () => {
    const buyer = await buyerWithCredits(1_000);
    await smallCompany(buyer, 10);
    const task = await ask(buyer, null, "Draft a launch blog post on our Q3 numbers and check it for legal risk");
    await waitForState(task.id, ["AUTH_REQUIRED"]);
    await requestCancel({ orgId: buyer.org.id, taskId: task.id });
    const ended = await waitForState(task.id, ["CANCELED", "COMPLETED", "FAILED"]);
    expect(ended.state).toBe("CANCELED");
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: ended.workflowRunId! } });
    expect(run.state).toBe("CANCELED");
    expect(await db.creditHold.count({ where: { orgId: buyer.org.id, status: "HELD" } })).toBe(0);
  }, 120_000);

  it("asks a department's managing position for the plan, falling back on an unusable answer", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const { updateDepartment } = await import("@/server/services/company/departments/update-department");
    await updateDepartment({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      departmentId: company.finance.department.id,
      managerPositionId: company.finance.position.id,
      planAutoRunCredits: 100,
    });
    const task = await ask(buyer, "finance", "Analyse these weekly signups: 120, 134, 98, 160, 171");
    await waitForState(task.id, ["COMPLETED", "FAILED", "AUTH_REQUIRED", "INPUT_REQUIRED"]);
    // The managing position was asked, as a billed child of the request.
    const asked = await db.task.findFirstOrThrow({
      where: { parentTaskId: task.id, clientMessageId: `manager:${task.id}:1` },
    });
    expect(asked).toMatchObject({ positionId: company.finance.position.id, state: "COMPLETED", price: 10 });
    // A data analyst answers with statistics, not a plan: the deterministic manager decided, and says why.
    const view = await getRequestView(buyer.org.id, task.id);
    expect(view.manager?.manager).toBe("deterministic");
    expect(view.manager?.fallbackReason).toBeTruthy();
    expect(view.decision?.kind).toBe("route");
  }, 120_000);

  it("a position asked directly waits for its department's approval when its policy gates it", async () => {
    const { askPosition } = await import("@/server/services/company/requests/ask-position");
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const direct = (positionId: string, text: string) =>
      askPosition({
        orgId: buyer.org.id,
        positionId,
        message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text }] },
        actor: { kind: "user", userId: buyer.user.id },
        source: "MCP",
      });
    const finance = await direct(company.finance.position.id, "Analyse 4, 5, 6");
    expect(finance.gated).toBe(false);
    expect(await db.task.findUniqueOrThrow({ where: { id: finance.id } })).toMatchObject({
      kind: "AGENT",
      positionId: company.finance.position.id,
    });
    const legal = await direct(
      company.legal.position.id,
      "Check this clause: the supplier may end the contract at will.",
    );
    expect(legal.gated).toBe(true);
    const waiting = await waitForState(legal.id, ["AUTH_REQUIRED", "COMPLETED", "FAILED"]);
    expect(waiting).toMatchObject({
      state: "AUTH_REQUIRED",
      kind: "MANAGER",
      departmentId: company.legal.department.id,
    });
    // Nothing of Legal's ran or was held before the lead's decision.
    expect(await db.task.count({ where: { parentTaskId: legal.id } })).toBe(0);
    await approveNext(buyer, waiting.workflowRunId!, /legal/i);
    expect((await waitForState(legal.id, ["COMPLETED", "FAILED", "REJECTED"])).state).toBe("COMPLETED");
    const [child] = await db.task.findMany({ where: { parentTaskId: legal.id } });
    expect(child).toMatchObject({ positionId: company.legal.position.id, state: "COMPLETED", price: 10 });
  }, 120_000);

  it("refuses another org's department and an empty request, writing nothing", async () => {
    const buyer = await buyerWithCredits(100);
    const other = await buyerWithCredits(100);
    await smallCompany(other, 10);
    const before = await db.task.count({ where: { orgId: buyer.org.id } });
    await expect(ask(buyer, "finance", "Summarise our Q3 numbers")).rejects.toMatchObject({
      code: "department_not_found",
    });
    await expect(ask(other, "finance", "   ")).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(before);
  });
});
