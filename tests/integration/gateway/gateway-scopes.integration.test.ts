import { TaskState } from "@a2a-js/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { CALLS, HOOK_URL, READ_CALLS, VERSIONS, WRITE_CALLS, keyWithScopes, rpc, rpcError } from "./gateway-rpc";

useTaskRuntime();

let slug: string;
let orgId: string;
let taskId: string;
let keys: { full: string; read: string; write: string; neither: string };

/** Everything a refused call could have changed. */
async function orgState() {
  const [tasks, events, configs, wallet] = await Promise.all([
    db.task.findMany({
      where: { orgId },
      orderBy: { id: "asc" },
      select: { id: true, state: true, turn: true, cancelRequestedAt: true },
    }),
    db.taskEvent.count({ where: { orgId } }),
    db.taskPushConfig.findMany({ where: { orgId }, select: { configId: true, url: true } }),
    walletOf(orgId),
  ]);
  return { tasks, events, configs, wallet };
}

beforeAll(async () => {
  const { agent } = await publishDemoAgent("northwind-intake-coordinator", 5);
  const buyer = await buyerWithCredits(100);
  slug = agent.slug;
  orgId = buyer.org.id;
  const owner = { orgId, userId: buyer.user.id };
  keys = {
    full: buyer.apiKey,
    read: await keyWithScopes(owner, ["agents:read", "tasks:read"]),
    write: await keyWithScopes(owner, ["tasks:write"]),
    neither: await keyWithScopes(owner, ["agents:read"]),
  };
  const client = await gatewayClient(gatewayCardUrl(slug), keys.full);
  const task = asTask(await client.sendMessage(sendRequest("We need a vendor onboarding summary")));
  expect(task.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
  taskId = task.id;
  await client.createTaskPushNotificationConfig({
    tenant: "",
    id: "kept-hook",
    taskId,
    url: HOOK_URL,
    token: "",
    authentication: undefined,
  });
});

describe.each(VERSIONS)("gateway scopes, A2A %s", (version) => {
  it("refuses every write to a read-only key with 403 before anything changes", async () => {
    const before = await orgState();
    const calls = [...WRITE_CALLS.map((name) => CALLS[name]!(version, taskId)), CALLS.send!(version, undefined)];
    for (const call of calls.filter((c) => c !== null)) {
      const answer = await rpc(keys.read, slug, version, call.method, call.params);
      expect(answer.status, call.method).toBe(403);
      expect(rpcError(answer), call.method).toMatchObject({
        code: -32043,
        message: expect.stringMatching(/tasks:write/),
      });
    }
    expect(await orgState()).toEqual(before);
  });

  it("refuses every read to a write-only key with 403", async () => {
    for (const call of READ_CALLS.map((name) => CALLS[name]!(version, taskId)).filter((c) => c !== null)) {
      const answer = await rpc(keys.write, slug, version, call.method, call.params);
      expect(answer.status, call.method).toBe(403);
      expect(rpcError(answer), call.method).toMatchObject({
        code: -32043,
        message: expect.stringMatching(/tasks:read/),
      });
      expect(answer.text, call.method).not.toContain(taskId);
    }
  });

  it("refuses a key with neither task scope everything but the extended card", async () => {
    const before = await orgState();
    for (const name of [...READ_CALLS, ...WRITE_CALLS]) {
      const call = CALLS[name]!(version, taskId);
      if (!call) continue;
      expect((await rpc(keys.neither, slug, version, call.method, call.params)).status, call.method).toBe(403);
    }
    const card = version === "1.0" ? "GetExtendedAgentCard" : "agent/getAuthenticatedExtendedCard";
    const answer = await rpc(keys.neither, slug, version, card, {});
    expect(answer.status).toBe(200);
    expect(answer.json.result?.name).toBeTruthy();
    expect(await orgState()).toEqual(before);
  });

  it("serves each method to a key holding its scope", async () => {
    for (const name of ["get", "list", "getPush", "listPush", "subscribe"] as const) {
      const call = CALLS[name]!(version, taskId);
      if (!call) continue;
      const answer = await rpc(keys.read, slug, version, call.method, call.params);
      expect(answer.status, call.method).toBe(200);
      expect(rpcError(answer), call.method).toBeUndefined();
      expect(answer.text, call.method).toContain(name === "getPush" || name === "listPush" ? "kept-hook" : taskId);
    }
    const create = CALLS.createPush!(version, taskId)!;
    expect(rpcError(await rpc(keys.write, slug, version, create.method, create.params))).toBeUndefined();
    expect(await db.taskPushConfig.count({ where: { orgId, configId: "new-hook" } })).toBe(1);
    const remove =
      version === "1.0"
        ? { method: "DeleteTaskPushNotificationConfig", params: { taskId, id: "new-hook" } }
        : {
            method: "tasks/pushNotificationConfig/delete",
            params: { id: taskId, pushNotificationConfigId: "new-hook" },
          };
    expect(rpcError(await rpc(keys.write, slug, version, remove.method, remove.params))).toBeUndefined();
    expect(await db.taskPushConfig.count({ where: { orgId, configId: "new-hook" } })).toBe(0);
  });
});

it("lets a write-only key start a task (the answer is its own task)", async () => {
  const call = CALLS.send!("1.0", undefined)!;
  const answer = await rpc(keys.write, slug, "1.0", call.method, call.params);
  expect(answer.status).toBe(200);
  expect(answer.json.result?.task?.id).toBeTruthy();
});
