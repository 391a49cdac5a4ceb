import { CallToolResultSchema, CreateTaskResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { smallCompany } from "../../support/company-fixtures";
import { useTaskRuntime } from "../../support/app-server";
import { unique } from "../../support/factories";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { gatedAgent, STEPS_BEFORE_GATE } from "./gated-agent";
import { bearer, connectMcp, mcpKey, mcpRoute, mintAccessToken } from "./mcp-support";

const gated = gatedAgent();
useTaskRuntime([mcpRoute, gated.route]);

type Outcome = {
  taskId: string;
  state: string;
  statusMessage: string | null;
  artifacts: { uri: string }[];
  request?: { decision: string | null; pendingApprovals: { id: string }[] };
};
// callTool's answer is typed as a union with the 2024 result shape; these read the current one.
const outcomeOf = (result: object) => (result as { structuredContent?: unknown }).structuredContent as Outcome;
const text = (result: object) =>
  ((result as { content?: { type: string; text?: string }[] }).content ?? [])
    .filter((c) => c.type === "text")
    .map((c) => c.text)
    .join("\n");

async function keyClient(credits = 100) {
  const buyer = await buyerWithCredits(credits);
  const { key } = await mcpKey(buyer.org, buyer.user);
  return { buyer, ...(await connectMcp(bearer(key))) };
}

describe("tools/call", () => {
  it("cancels the agent's task when the client cancels the call, releasing its hold", async () => {
    const agent = await gated.publish(9);
    const { buyer, client, close } = await keyClient(100);
    const message = `Report ${unique()}`;
    const release = gated.hold(message);
    try {
      const stop = new AbortController();
      const progress: string[] = [];
      const call = client.callTool(
        { name: "run_agent", arguments: { agent: agent.slug, message } },
        CallToolResultSchema,
        {
          signal: stop.signal,
          onprogress: (p) => void progress.push(p.message ?? ""),
        },
      );
      // The agent streams its first steps, then waits at its gate: the call is certainly still running.
      await expect
        .poll(() => progress.filter((p) => p.startsWith("Step ")).length, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(STEPS_BEFORE_GATE);
      const task = await db.task.findFirstOrThrow({ where: { orgId: buyer.org.id, source: "MCP" } });
      expect(task.state).toBe("WORKING");
      expect((await walletOf(buyer.org.id)).ORG_HOLDS).toBe(9);
      stop.abort("the user pressed stop");
      await expect(call).rejects.toThrow();
      await expect
        .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: task.id } })).state, { timeout: 20_000 })
        .toBe("CANCELED");
      await expect
        .poll(async () => walletOf(buyer.org.id), { timeout: 10_000 })
        .toMatchObject({ ORG_WALLET: 100, ORG_HOLDS: 0 });
      expect((await db.creditHold.findUniqueOrThrow({ where: { taskId: task.id } })).status).toBe("RELEASED");
    } finally {
      release();
      await close();
    }
  });

  it("runs as an MCP task when asked: tasks/get, tasks/list, tasks/result; tasks/cancel stops it", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 4);
    const { buyer, client, close } = await keyClient(100);
    try {
      const messages = [];
      for await (const message of client.experimental.tasks.callToolStream(
        { name: "run_agent", arguments: { agent: agent.slug, message: "Analyse 3, 5, 8, 13" } },
        CallToolResultSchema,
        { task: {} },
      ))
        messages.push(message);
      const created = messages.find((m) => m.type === "taskCreated");
      const result = messages.find((m) => m.type === "result");
      expect(created && result).toBeTruthy();
      const taskId = created!.type === "taskCreated" ? created!.task.taskId : "";
      // The MCP task is the Bureau task.
      expect(await db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
        orgId: buyer.org.id,
        source: "MCP",
      });
      expect(result!.type === "result" && outcomeOf(result!.result)).toMatchObject({ taskId, state: "COMPLETED" });
      expect(await client.experimental.tasks.getTask(taskId)).toMatchObject({ taskId, status: "completed", ttl: null });
      expect((await client.experimental.tasks.listTasks()).tasks.map((t) => t.taskId)).toContain(taskId);

      const slow = await gated.publish(6);
      const message = `Report ${unique()}`;
      const release = gated.hold(message);
      try {
        const started = await client.request(
          { method: "tools/call", params: { name: "run_agent", arguments: { agent: slow.slug, message }, task: {} } },
          CreateTaskResultSchema,
        );
        expect(started.task.status).toBe("working");
        const canceled = await client.experimental.tasks.cancelTask(started.task.taskId);
        expect(canceled.status).toBe("cancelled");
        expect((await db.task.findUniqueOrThrow({ where: { id: started.task.taskId } })).state).toBe("CANCELED");
      } finally {
        release();
      }
      // Another org's credential finds none of it.
      const other = await keyClient(0);
      try {
        await expect(other.client.experimental.tasks.getTask(taskId)).rejects.toThrow(/not found/i);
        expect((await other.client.experimental.tasks.listTasks()).tasks).toEqual([]);
      } finally {
        await other.close();
      }
    } finally {
      await close();
    }
  });

  it("answers an agent's question with reply_to_task and follows the task to its end", async () => {
    const { agent } = await publishDemoAgent("northwind-intake-coordinator", 15);
    const { buyer, client, close } = await keyClient(100);
    try {
      const asked = await client.callTool({
        name: "run_agent",
        arguments: { agent: agent.slug, message: "Review escalated tickets for EMEA" },
      });
      expect(outcomeOf(asked)).toMatchObject({
        state: "INPUT_REQUIRED",
        statusMessage: "Which date range should I cover?",
      });
      expect(text(asked)).toMatch(/reply_to_task/);
      const answered = await client.callTool({
        name: "reply_to_task",
        arguments: { taskId: outcomeOf(asked).taskId, message: "Q3 2026" },
      });
      expect(outcomeOf(answered)).toMatchObject({ taskId: outcomeOf(asked).taskId, state: "COMPLETED" });
      expect(outcomeOf(answered).artifacts).toHaveLength(1);
      await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 }).toBe(85);
    } finally {
      await close();
    }
  });

  it("asks a department: its manager routes the request, the answer comes back with the decision", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const { updateDepartment } = await import("@/server/services/company/departments/update-department");
    await updateDepartment({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      departmentId: company.finance.department.id,
      planAutoRunCredits: 50,
    });
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { client, close } = await connectMcp(bearer(key));
    try {
      const progress: string[] = [];
      const answer = await client.callTool(
        {
          name: "ask_department",
          arguments: { department: "finance", request: "Analyse these weekly signups: 120, 134, 98, 160, 171" },
        },
        CallToolResultSchema,
        { onprogress: (p) => void progress.push(p.message ?? ""), timeout: 90_000 },
      );
      const outcome = outcomeOf(answer);
      expect(outcome).toMatchObject({ state: "COMPLETED", request: { decision: "route" } });
      expect(progress.some((p) => /manager/i.test(p))).toBe(true);
      const request = await db.task.findUniqueOrThrow({ where: { id: outcome.taskId } });
      expect(request).toMatchObject({ kind: "MANAGER", source: "MCP", departmentId: company.finance.department.id });
      const [child] = await db.task.findMany({ where: { parentTaskId: request.id } });
      expect(child).toMatchObject({ positionId: company.finance.position.id, state: "COMPLETED" });
    } finally {
      await close();
    }
  }, 120_000);

  it("keeps another org's tasks invisible: get, cancel and reply answer as for an unknown id", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 3);
    const owner = await keyClient(50);
    const intruder = await keyClient(50);
    try {
      const ran = await owner.client.callTool({
        name: "run_agent",
        arguments: { agent: agent.slug, message: "Analyse 1, 2, 3" },
      });
      const taskId = outcomeOf(ran).taskId;
      const unknown = await intruder.client.callTool({ name: "get_task", arguments: { taskId: crypto.randomUUID() } });
      expect(unknown).toMatchObject({ isError: true });
      for (const [name, args] of [
        ["get_task", { taskId }],
        ["cancel_task", { taskId }],
        ["reply_to_task", { taskId, message: "hello" }],
      ] as const) {
        const answer = await intruder.client.callTool({ name, arguments: args });
        expect(answer).toEqual(unknown);
      }
      await expect(intruder.client.readResource({ uri: `bureau://tasks/${taskId}/artifacts/0` })).rejects.toThrow(
        /not found/i,
      );
      const own = await owner.client.callTool({ name: "get_task", arguments: { taskId } });
      expect(outcomeOf(own)).toMatchObject({ taskId, state: "COMPLETED" });
    } finally {
      await owner.close();
      await intruder.close();
    }
  });

  it("refuses an API key's decision clearly, and lets a person decide with their OAuth token", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { token } = await mintAccessToken({
      userId: buyer.user.id,
      orgId: buyer.org.id,
      scopes: ["mcp:use", "tasks:write", "approvals:write"],
    });
    const asKey = await connectMcp(bearer(key));
    const asPerson = await connectMcp(bearer(token));
    try {
      // Legal's policy gates every task: its position's own tool waits for the lead (the buyer).
      const legalTool = (await asPerson.client.listTools()).tools.find((t) => t.title?.startsWith("Legal Counsel"))!;
      const waiting = await asPerson.client.callTool({
        name: legalTool.name,
        arguments: { message: "Check this clause: the supplier may end the contract at will." },
      });
      expect(outcomeOf(waiting).state).toBe("AUTH_REQUIRED");
      await expect
        .poll(() => db.approval.count({ where: { orgId: buyer.org.id, state: "PENDING" } }), { timeout: 20_000 })
        .toBe(1);
      const listed = (await asKey.client.callTool({ name: "list_approvals", arguments: {} })).structuredContent as {
        approvals: { id: string; canDecide: boolean }[];
      };
      expect(listed.approvals[0]!.canDecide).toBe(false);
      const refused = await asKey.client.callTool({
        name: "decide_approval",
        arguments: { approvalId: listed.approvals[0]!.id, decision: "approve" },
      });
      expect(refused).toMatchObject({ isError: true });
      expect(text(refused)).toMatch(/An API key cannot approve/);
      expect((await db.approval.findUniqueOrThrow({ where: { id: listed.approvals[0]!.id } })).state).toBe("PENDING");

      const decided = await asPerson.client.callTool({
        name: "decide_approval",
        arguments: { approvalId: listed.approvals[0]!.id, decision: "approve", comment: "Fine by Legal" },
      });
      expect(decided.structuredContent).toMatchObject({ state: "APPROVED", comment: "Fine by Legal" });
      await expect
        .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: outcomeOf(waiting).taskId } })).state, {
          timeout: 60_000,
        })
        .toBe("COMPLETED");
      expect(company.legal.position.id).toBeTruthy();
    } finally {
      await asKey.close();
      await asPerson.close();
    }
  }, 120_000);

  it("refuses bad arguments and Bureau's rules as tool results the model can read, changing nothing", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 50);
    const { buyer, client, close } = await keyClient(10);
    try {
      const both = await client.callTool({
        name: "run_agent",
        arguments: { agent: agent.slug, positionId: crypto.randomUUID(), message: "x" },
      });
      expect(both).toMatchObject({ isError: true });
      expect(text(both)).toMatch(/Name either agent/);
      const poor = await client.callTool({
        name: "run_agent",
        arguments: { agent: agent.slug, message: "Analyse 1, 2" },
      });
      expect(poor).toMatchObject({ isError: true });
      expect(text(poor)).toMatch(/credits/i);
      await expect(client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toThrow(
        /Unknown tool: no_such_tool/,
      );
      expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(0);
      expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 10 });
    } finally {
      await close();
    }
  });
});
