import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { collect, sendRequest } from "../../support/a2a-client";
import { unique } from "../../support/factories";
import { buyerWithCredits, walletOf } from "../../support/task-fixtures";
import { rpc, textMessage } from "../gateway/gateway-rpc";
import { clientFor, send, useHoldingAgents } from "./delegation-support";
import { holdingListings } from "./holding-agent";

const agents = useHoldingAgents();
afterAll(() => agents.releaseAll());

const settled = (taskId: string) =>
  expect
    .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).settledAt, { timeout: 15_000 })
    .not.toBeNull();

describe("delegation grants", () => {
  it("gives the agent a grant with every message; the grant starts a child billed to the root's org", async () => {
    const { listings, sellerOrg } = await holdingListings([10, 20]);
    const [analyst, scout] = listings as [(typeof listings)[0], (typeof listings)[0]];
    const buyer = await buyerWithCredits(1_000);
    const text = `root ${unique()}`;
    const root = await send(buyer.apiKey, analyst.slug, text);
    const grant = await agents.grantFor(text);
    expect(grant).toMatchObject({ rootTaskId: root.id, taskId: root.id, depth: 0, remainingCredits: 50 });
    expect(grant.token).toMatch(/^bdg_[\w-]+\.[\w-]+$/);
    const expiresIn = Date.parse(grant.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(env.TASK_TIMEOUT_MS - 10_000);
    expect(expiresIn).toBeLessThanOrEqual(Math.min(env.TASK_TIMEOUT_MS, 3_600_000));

    const childText = `child ${unique()}`;
    const child = await send(grant.token, scout.slug, childText);
    const row = await db.task.findUniqueOrThrow({ where: { id: child.id } });
    expect(row).toMatchObject({
      orgId: buyer.org.id,
      agentId: scout.id,
      parentTaskId: root.id,
      rootTaskId: root.id,
      depth: 1,
      source: "A2A",
      createdById: null,
      apiKeyId: null,
      price: 20,
    });
    const created = await db.event.findFirstOrThrow({
      where: { orgId: buyer.org.id, type: "task.created", subjectId: child.id },
    });
    expect(created).toMatchObject({ actorKind: "agent", actorId: analyst.id });
    expect(created.data).toMatchObject({ parentTaskId: root.id });

    // The child's own grant: one level down, the same tree, what is left of its budget.
    const childGrant = await agents.grantFor(childText);
    expect(childGrant).toMatchObject({ rootTaskId: root.id, taskId: child.id, depth: 1, remainingCredits: 30 });

    agents.release(childText);
    agents.release(text);
    await settled(child.id);
    await settled(root.id);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 970, ORG_HOLDS: 0 });
    expect((await walletOf(sellerOrg.id)).SELLER_PENDING).toBe(24);
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  });

  it("hands the grant to an agent that speaks only A2A v0.3, and takes it from a v0.3 caller", async () => {
    const { listings } = await holdingListings([5, 5], { legacy: true });
    const buyer = await buyerWithCredits(100);
    const text = `legacy ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, text);
    const grant = await agents.grantFor(text);
    expect(grant).toMatchObject({ taskId: root.id, rootTaskId: root.id, depth: 0, remainingCredits: 25 });
    const childText = `legacy child ${unique()}`;
    const answer = await rpc(grant.token, listings[1]!.slug, "0.3", "message/send", {
      message: textMessage("0.3", childText),
      configuration: { blocking: false },
    });
    expect(answer.json?.result).toMatchObject({ kind: "task" });
    const child = await db.task.findUniqueOrThrow({ where: { id: answer.json.result.id } });
    expect(child).toMatchObject({ parentTaskId: root.id, rootTaskId: root.id, depth: 1, orgId: buyer.org.id });
    expect(await agents.grantFor(childText)).toMatchObject({ taskId: child.id, depth: 1 });
    agents.release(childText);
    agents.release(text);
    await settled(root.id);
  });

  it("sends a fresh grant with the buyer's reply", async () => {
    const { listings } = await holdingListings([5]);
    const buyer = await buyerWithCredits(100);
    const text = `ask: ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, text);
    await agents.grantFor(text);
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: root.id } })).state, { timeout: 10_000 })
      .toBe("INPUT_REQUIRED");
    const client = await clientFor(buyer.apiKey, listings[0]!.slug);
    await client.sendMessage(sendRequest("Q3", { taskId: root.id, returnImmediately: true }));
    const [first, second] = await agents.grantsFor(text, 2);
    expect(second).toMatchObject({ taskId: root.id, rootTaskId: root.id, depth: 0 });
    expect(second!.token).not.toBe("");
    expect(first!.taskId).toBe(root.id);
    agents.release(text);
    await settled(root.id);
  });

  it("lets a grant read, follow and cancel the children its task started, and nothing else", async () => {
    const { listings } = await holdingListings([5, 5]);
    const [a, b] = listings as [(typeof listings)[0], (typeof listings)[0]];
    const buyer = await buyerWithCredits(500);
    const other = await buyerWithCredits(500);
    const rootText = `scope root ${unique()}`;
    const root = await send(buyer.apiKey, a.slug, rootText);
    const grant = await agents.grantFor(rootText);
    const childText = `scope child ${unique()}`;
    const child = await send(grant.token, b.slug, childText);
    await agents.grantFor(childText);
    // Another top task of the same org, another root of it, another org's task.
    const siblingText = `scope sibling ${unique()}`;
    const sibling = await send(buyer.apiKey, b.slug, siblingText);
    const siblingGrant = await agents.grantFor(siblingText);
    const cousinText = `scope cousin ${unique()}`;
    const cousin = await send(siblingGrant.token, a.slug, cousinText);
    const foreignText = `scope foreign ${unique()}`;
    const foreign = await send(other.apiKey, b.slug, foreignText);

    const onB = await clientFor(grant.token, b.slug);
    expect((await onB.getTask({ tenant: "", id: child.id })).id).toBe(child.id);
    const listed = await onB.listTasks({
      tenant: "",
      contextId: "",
      status: 0,
      pageSize: 50,
      pageToken: "",
      historyLength: 0,
      statusTimestampAfter: undefined,
      includeArtifacts: false,
    });
    expect(listed.tasks.map((t) => t.id)).toEqual([child.id]);
    for (const id of [sibling.id, foreign.id]) {
      await expect(onB.getTask({ tenant: "", id })).rejects.toThrow(/not found/i);
      await expect(onB.cancelTask({ tenant: "", id, metadata: undefined })).rejects.toThrow(/not found/i);
      await expect(collect(onB.resubscribeTask({ tenant: "", id }))).rejects.toThrow(/not found/i);
    }
    const onA = await clientFor(grant.token, a.slug);
    for (const id of [root.id, cousin.id]) await expect(onA.getTask({ tenant: "", id })).rejects.toThrow(/not found/i);

    // Its own child: followed, then canceled, its hold released.
    const stream = onB.resubscribeTask({ tenant: "", id: child.id });
    const first = await stream.next();
    expect(first.value?.payload?.$case).toBe("task");
    await stream.return(undefined);
    const canceled = await onB.cancelTask({ tenant: "", id: child.id, metadata: undefined });
    expect(canceled.id).toBe(child.id);
    await expect
      .poll(async () => (await db.creditHold.findUniqueOrThrow({ where: { taskId: child.id } })).status, {
        timeout: 10_000,
      })
      .toBe("RELEASED");
    for (const id of [sibling.id, foreign.id, root.id, cousin.id])
      expect((await db.task.findUniqueOrThrow({ where: { id } })).cancelRequestedAt).toBeNull();
    for (const t of [rootText, siblingText, cousinText, foreignText]) agents.release(t);
    await settled(root.id);
  });

  it("cancelling a task cancels the children its agent started, and theirs, releasing every hold", async () => {
    const { listings } = await holdingListings([5, 5, 5]);
    const [a, b, c] = listings as [(typeof listings)[0], (typeof listings)[0], (typeof listings)[0]];
    const buyer = await buyerWithCredits(500);
    const rootText = `cascade root ${unique()}`;
    const root = await send(buyer.apiKey, a.slug, rootText);
    const childText = `cascade child ${unique()}`;
    const child = await send((await agents.grantFor(rootText)).token, b.slug, childText);
    const grandText = `cascade grandchild ${unique()}`;
    const grandchild = await send((await agents.grantFor(childText)).token, c.slug, grandText);
    await agents.grantFor(grandText);
    const { requestCancel } = await import("@/server/services/tasks/cancel-task");
    await requestCancel({ orgId: buyer.org.id, taskId: root.id });
    for (const task of [root, child, grandchild])
      await expect
        .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: task.id } })).state, { timeout: 20_000 })
        .toBe("CANCELED");
    const holds = await db.creditHold.findMany({ where: { taskId: { in: [root.id, child.id, grandchild.id] } } });
    expect(holds.map((h) => h.status)).toEqual(["RELEASED", "RELEASED", "RELEASED"]);
    expect((await checkLedger(db)).ok).toBe(true);
    for (const t of [rootText, childText, grandText]) agents.release(t);
  });
});
