import { TaskState } from "@a2a-js/sdk";
import { Client, DefaultAgentCardResolver } from "@a2a-js/sdk/client";
import { LegacyJsonRpcTransport } from "@a2a-js/sdk/compat/v0_3/client";
import { describe, expect, it } from "vitest";
import { companyUrl, departmentUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { updateDepartment } from "@/server/services/company/departments/update-department";
import { decideApproval } from "@/server/services/workflows/decide-approval";
import { asTask, bearerFetch, collect, gatewayClient, partsText, sendRequest } from "../../support/a2a-client";
import { useTaskRuntime } from "../../support/app-server";
import { smallCompany } from "../../support/company-fixtures";
import { buyerWithCredits } from "../../support/task-fixtures";

// The department and company doors on the test app server, as app/api/a2a/{departments,company} serve them.
useTaskRuntime([
  {
    pattern: /^\/api\/a2a\/departments\/([^/]+)\/\.well-known\/agent-card\.json$/,
    handle: async (r, m) => (await import("@/server/gateway/department-gateway")).departmentCardResponse(r, m[1]!),
  },
  {
    pattern: /^\/api\/a2a\/departments\/([^/]+)$/,
    handle: async (r, m) => (await import("@/server/gateway/department-gateway")).serveDepartment(r, m[1]!),
  },
  {
    pattern: /^\/api\/a2a\/company\/\.well-known\/agent-card\.json$/,
    handle: async (r) => (await import("@/server/gateway/department-gateway")).departmentCardResponse(r, null),
  },
  {
    pattern: /^\/api\/a2a\/company$/,
    handle: async (r) => (await import("@/server/gateway/department-gateway")).serveDepartment(r, null),
  },
]);

const card = (url: string) => `${url}/.well-known/agent-card.json`;

async function legacyClient(url: string, apiKey: string) {
  const fetchImpl = bearerFetch(apiKey);
  const json = await (await fetchImpl(card(url))).json();
  return new Client(
    new LegacyJsonRpcTransport({ endpoint: url, fetchImpl }),
    new DefaultAgentCardResolver().normalizeAgentCard(json),
  );
}

async function company(price = 10) {
  const buyer = await buyerWithCredits(1_000);
  const staff = await smallCompany(buyer, price);
  // Finance runs what it routes without waiting for a lead.
  await updateDepartment({
    orgId: buyer.org.id,
    actor: { kind: "user", userId: buyer.user.id },
    departmentId: staff.finance.department.id,
    planAutoRunCredits: 100,
  });
  return { buyer, staff };
}

describe("departments and the company as A2A agents", () => {
  it("serves a department's card to its own org: staff skills plus 'route a request', v1.0 and 0.3", async () => {
    const { buyer } = await company();
    const json = await (await bearerFetch(buyer.apiKey)(card(departmentUrl("finance")))).json();
    expect(json.url).toBe(departmentUrl("finance"));
    expect(json.supportedInterfaces.map((i: { protocolVersion: string }) => i.protocolVersion)).toEqual(["1.0", "0.3"]);
    const skills = json.skills.map((s: { name: string }) => s.name);
    expect(skills[0]).toBe("Route a request");
    expect(skills).toContain("Describe numbers");
    expect(skills).not.toContain("Clause check"); // Legal's, not Finance's
    const companyCard = await (await bearerFetch(buyer.apiKey)(card(companyUrl()))).json();
    expect(companyCard.skills.length).toBeGreaterThan(skills.length);
  });

  it("v1.0: a blocking send to a department is routed and answered; reads see only its requests", async () => {
    const { buyer, staff } = await company();
    const client = await gatewayClient(card(departmentUrl("finance")), buyer.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("Analyse these weekly signups: 120, 134, 98, 160, 171")));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(task.artifacts[0]?.artifactId).toBe("answer");
    expect(partsText(task.artifacts[0]!.parts)).toMatch(/^## /);
    const child = await db.task.findFirstOrThrow({ where: { parentTaskId: task.id } });
    expect(child.positionId).toBe(staff.finance.position.id);

    const fetched = await client.getTask({ tenant: "", id: task.id, historyLength: 10 });
    expect(fetched.id).toBe(task.id);
    const listed = await client.listTasks({
      tenant: "",
      contextId: "",
      status: TaskState.TASK_STATE_UNSPECIFIED,
      pageSize: 10,
      pageToken: "",
      historyLength: 0,
      statusTimestampAfter: undefined,
      includeArtifacts: false,
    });
    expect(listed.tasks.map((t) => t.id)).toEqual([task.id]);
    // The child task (an agent task of the org) is not this department's to show.
    await expect(client.getTask({ tenant: "", id: child.id })).rejects.toThrow(/not found/i);
    // Nor is a Legal request.
    const legal = await gatewayClient(card(departmentUrl("legal")), buyer.apiKey);
    await expect(legal.getTask({ tenant: "", id: task.id })).rejects.toThrow(/not found/i);
  }, 120_000);

  it("v1.0 streaming to the company: progress as status updates, AUTH_REQUIRED naming the approver", async () => {
    const { buyer } = await company();
    const client = await gatewayClient(card(companyUrl()), buyer.apiKey);
    const events = await collect(
      client.sendMessageStream(sendRequest("Draft a launch blog post on our Q3 numbers and check it for legal risk")),
    );
    const last = events.at(-1);
    expect(last?.$case).toBe("statusUpdate");
    if (last?.$case !== "statusUpdate") throw new Error("no status");
    expect(last.value.status?.state).toBe(TaskState.TASK_STATE_AUTH_REQUIRED);
    const taskId = last.value.taskId;
    // Accept the plan, then follow the rest by subscribing: each part's start and end, Legal's gate, the end.
    const run = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    const acceptance = await db.approval.findFirstOrThrow({ where: { runId: run.workflowRunId!, state: "PENDING" } });
    await decideApproval({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      approvalId: acceptance.id,
      decision: "approve",
      comment: null,
    });
    await expect
      .poll(async () => await db.approval.count({ where: { runId: run.workflowRunId!, state: "PENDING" } }), {
        timeout: 60_000,
      })
      .toBe(1);
    // The gate's approval exists a moment before the request says it waits on it.
    await expect
      .poll(async () => (await client.getTask({ tenant: "", id: taskId, historyLength: 0 })).status?.state, {
        timeout: 30_000,
      })
      .toBe(TaskState.TASK_STATE_AUTH_REQUIRED);
    const gated = await client.getTask({ tenant: "", id: taskId, historyLength: 0 });
    expect(partsText(gated.status!.message!.parts)).toMatch(/^Waiting for .* to approve/);
    const gate = await db.approval.findFirstOrThrow({ where: { runId: run.workflowRunId!, state: "PENDING" } });
    await decideApproval({
      orgId: buyer.org.id,
      actor: { kind: "user", userId: buyer.user.id },
      approvalId: gate.id,
      decision: "approve",
      comment: null,
    });
    // A2A streams close at an interrupted state (auth-required), so the caller follows again once it moved on.
    await expect
      .poll(async () => (await client.getTask({ tenant: "", id: taskId, historyLength: 0 })).status?.state, {
        timeout: 60_000,
      })
      .not.toBe(TaskState.TASK_STATE_AUTH_REQUIRED);
    await expect
      .poll(async () => (await client.getTask({ tenant: "", id: taskId, historyLength: 0 })).status?.state, {
        timeout: 60_000,
      })
      .toBe(TaskState.TASK_STATE_COMPLETED);
    // Each part's start was a status update of the request (what a stream showed while it ran).
    const texts = (await db.taskEvent.findMany({ where: { taskId, kind: "status" }, orderBy: { id: "asc" } })).map(
      (e) => JSON.stringify(e.data),
    );
    expect(texts.filter((t) => t.includes("Started ")).length).toBe(3);
    const firstEvents = events.flatMap((e) =>
      e.$case === "statusUpdate" && e.value.status?.message ? [partsText(e.value.status.message.parts)] : [],
    );
    expect(firstEvents.some((t) => /^Plan of 3 parts/.test(t))).toBe(true);
  }, 180_000);

  it("v0.3: sends and cancels with the legacy method names; cancel reaches the plan's run", async () => {
    const { buyer } = await company();
    const client = await legacyClient(companyUrl(), buyer.apiKey);
    const task = asTask(
      await client.sendMessage(sendRequest("Draft a launch blog post on our Q3 numbers and check it for legal risk")),
    );
    expect(task.status?.state).toBe(TaskState.TASK_STATE_AUTH_REQUIRED);
    const canceled = await client.cancelTask({ tenant: "", id: task.id, metadata: undefined });
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    const row = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: row.workflowRunId! } })).state).toBe("CANCELED");
  }, 120_000);

  it("another org's key gets what an unknown agent gets, on the card and the methods; none gets 401", async () => {
    const { buyer } = await company();
    const stranger = await buyerWithCredits(100);
    const theirs = await bearerFetch(stranger.apiKey)(card(departmentUrl("finance")));
    const unknown = await bearerFetch(buyer.apiKey)(card(departmentUrl("no-such-department")));
    expect(theirs.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await theirs.json()).toEqual(await unknown.json());
    const rpc = (apiKey: string | null, url: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "SendMessage",
          params: {
            message: { messageId: crypto.randomUUID(), role: "ROLE_USER", parts: [{ text: "Analyse 1, 2, 3" }] },
          },
        }),
      });
    const foreign = await rpc(stranger.apiKey, departmentUrl("finance"));
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.message).toBe("No published agent at this address.");
    expect((await rpc(null, departmentUrl("finance"))).status).toBe(401);
    expect(await db.task.count({ where: { orgId: stranger.org.id } })).toBe(0);
  });
});
