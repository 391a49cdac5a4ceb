import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { signGrant } from "@/server/services/delegation/grant-token";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { startTask } from "@/server/services/tasks/start-task";
import { unique } from "../../support/factories";
import { buyerWithCredits, walletOf } from "../../support/task-fixtures";
import { rpc, rpcError, textMessage } from "../gateway/gateway-rpc";
import { clientFor, send, useHoldingAgents } from "./delegation-support";
import { holdingListings } from "./holding-agent";

/** When this file began: the tasks it made are the ones made since. */
const FILE_START = new Date();

const agents = useHoldingAgents();
afterAll(() => agents.releaseAll());

/** A raw SendMessage with a grant, for the answer's HTTP status and JSON-RPC code. */
const sendRaw = (token: string, slug: string, text: string) =>
  rpc(token, slug, "1.0", "SendMessage", {
    message: textMessage("1.0", text),
    configuration: { returnImmediately: true },
  });

const tasksOf = (orgId: string) => db.task.count({ where: { orgId } });

describe("delegation limits", () => {
  it("allows a chain five deep below its root and refuses the next level", async () => {
    const { listings } = await holdingListings([1, 1, 1, 1, 1, 1, 1]);
    const buyer = await buyerWithCredits(100);
    let text = `depth 0 ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, text);
    let grant = await agents.grantFor(text);
    const chain = [root.id];
    for (let depth = 1; depth <= 5; depth++) {
      text = `depth ${depth} ${unique()}`;
      const child = await send(grant.token, listings[depth]!.slug, text);
      grant = await agents.grantFor(text);
      expect(grant).toMatchObject({ taskId: child.id, rootTaskId: root.id, depth });
      chain.push(child.id);
    }
    const rows = await db.task.findMany({
      where: { id: { in: chain } },
      select: { id: true, depth: true, parentTaskId: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    chain.forEach((id, depth) =>
      expect(byId.get(id)).toMatchObject({ depth, parentTaskId: depth ? chain[depth - 1] : null }),
    );

    const before = await tasksOf(buyer.org.id);
    const refused = await sendRaw(grant.token, listings[6]!.slug, `depth 6 ${unique()}`);
    expect(refused.status).toBe(200);
    expect(rpcError(refused)).toMatchObject({ code: -32050, message: expect.stringMatching(/at most 5/) });
    expect(await tasksOf(buyer.org.id)).toBe(before);
  });

  it("refuses a delegation to an agent already up the chain, its own included", async () => {
    const { listings } = await holdingListings([2, 2, 2]);
    const [a, b, c] = listings as [(typeof listings)[0], (typeof listings)[0], (typeof listings)[0]];
    const buyer = await buyerWithCredits(100);
    const rootText = `cycle root ${unique()}`;
    await send(buyer.apiKey, a.slug, rootText);
    const rootGrant = await agents.grantFor(rootText);
    const childText = `cycle child ${unique()}`;
    await send(rootGrant.token, b.slug, childText);
    const childGrant = await agents.grantFor(childText);
    const before = await tasksOf(buyer.org.id);
    for (const [token, slug] of [
      [rootGrant.token, a.slug],
      [childGrant.token, b.slug],
      [childGrant.token, a.slug],
    ] as const) {
      const answer = await sendRaw(token, slug, `cycle ${unique()}`);
      expect(rpcError(answer), slug).toMatchObject({ code: -32051, message: expect.stringMatching(/cycle/) });
    }
    expect(await tasksOf(buyer.org.id)).toBe(before);
    // A third agent is no cycle; nor is a second child on the same agent.
    await send(childGrant.token, c.slug, `cycle ok ${unique()}`);
    await send(rootGrant.token, b.slug, `cycle sibling ${unique()}`);
    expect(await tasksOf(buyer.org.id)).toBe(before + 2);
  });

  it("keeps the tree within the root's delegated budget (5x its price), one child after another", async () => {
    const { listings } = await holdingListings([10, 20]);
    const buyer = await buyerWithCredits(1_000);
    const rootText = `budget root ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, rootText);
    const grant = await agents.grantFor(rootText);
    expect(grant.remainingCredits).toBe(50);
    await send(grant.token, listings[1]!.slug, `budget 1 ${unique()}`);
    const secondText = `budget 2 ${unique()}`;
    await send(grant.token, listings[1]!.slug, secondText);
    // The tree's budget is shared: the grandchild's grant sees what is left of it.
    expect((await agents.grantFor(secondText)).remainingCredits).toBe(10);
    const before = await walletOf(buyer.org.id);
    const refused = await sendRaw(grant.token, listings[1]!.slug, `budget 3 ${unique()}`);
    expect(rpcError(refused)).toMatchObject({ code: -32049, message: expect.stringMatching(/40 of 50 credits/) });
    expect(await walletOf(buyer.org.id)).toEqual(before);
    expect(await db.task.count({ where: { rootTaskId: root.id } })).toBe(2);
  });

  it("lets a concurrent burst of children overrun nothing", async () => {
    const { listings } = await holdingListings([10, 20]);
    const buyer = await buyerWithCredits(1_000);
    const rootText = `burst root ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, rootText);
    const grant = await agents.grantFor(rootText);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => sendRaw(grant.token, listings[1]!.slug, `burst ${unique()}`)),
    );
    const accepted = answers.filter((a) => a.json?.result);
    const refused = answers.filter((a) => rpcError(a)?.code === -32049);
    expect(accepted).toHaveLength(2);
    expect(refused).toHaveLength(6);
    const holds = await db.creditHold.findMany({ where: { task: { rootTaskId: root.id } }, select: { amount: true } });
    expect(holds.reduce((sum, h) => sum + h.amount, 0)).toBe(40);
    expect((await walletOf(buyer.org.id)).ORG_HOLDS).toBe(10 + 40);
  });

  it("takes the budget from the root's position when it sets one, and frees a released child's share", async () => {
    const { listings } = await holdingListings([10, 20]);
    const buyer = await buyerWithCredits(1_000);
    const department = await db.department.create({
      data: { orgId: buyer.org.id, slug: `research-${unique()}`, name: "Research" },
    });
    const position = await db.position.create({
      data: {
        orgId: buyer.org.id,
        departmentId: department.id,
        agentId: listings[0]!.id,
        title: "Analyst",
        delegationBudgetCredits: 25,
      },
    });
    const rootText = `position root ${unique()}`;
    await startTask({
      orgId: buyer.org.id,
      agent: { id: listings[0]!.id },
      positionId: position.id,
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: rootText }] },
      actor: { kind: "user", userId: buyer.user.id },
      source: "UI",
    });
    // The position's standing instructions (none) lead the message; the text still names the task.
    const grant = await agents.grantFor(rootText);
    expect(grant.remainingCredits).toBe(25);
    const first = await send(grant.token, listings[1]!.slug, `position 1 ${unique()}`);
    expect(rpcError(await sendRaw(grant.token, listings[1]!.slug, `position 2 ${unique()}`))?.code).toBe(-32049);
    // Canceled, the first child's hold is released, and the budget it took is back.
    await (
      await clientFor(grant.token, listings[1]!.slug)
    ).cancelTask({ tenant: "", id: first.id, metadata: undefined });
    await expect
      .poll(async () => (await db.creditHold.findUniqueOrThrow({ where: { taskId: first.id } })).status, {
        timeout: 10_000,
      })
      .toBe("RELEASED");
    await send(grant.token, listings[1]!.slug, `position 3 ${unique()}`);
  });

  it("gives a department request's part the budget of its position (or 5x its price) to delegate with", async () => {
    const { listings } = await holdingListings([10, 20, 4]);
    const buyer = await buyerWithCredits(1_000);
    const department = await db.department.create({
      data: { orgId: buyer.org.id, slug: `ops-${unique()}`, name: "Operations" },
    });
    const position = await db.position.create({
      data: {
        orgId: buyer.org.id,
        departmentId: department.id,
        agentId: listings[0]!.id,
        title: "Coordinator",
        delegationBudgetCredits: 30,
      },
    });
    // The request itself: a manager task (no price), whose route or plan parts are its children.
    const request = await db.task.create({
      data: {
        orgId: buyer.org.id,
        agentId: listings[0]!.id,
        kind: "MANAGER",
        departmentId: department.id,
        contextId: crypto.randomUUID(),
        price: 0,
        state: "WORKING",
        input: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: "coordinate" }] },
      },
    });
    const part = (text: string, extra: { positionId?: string; agentId: string }) =>
      startTask({
        orgId: buyer.org.id,
        agent: { id: extra.agentId },
        positionId: extra.positionId,
        message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text }] },
        actor: { kind: "user", userId: buyer.user.id },
        source: "UI",
        parent: { taskId: request.id, rootTaskId: request.id, depth: 0, treeCapCredits: null },
      });
    const firstText = `part position ${unique()}`;
    await part(firstText, { positionId: position.id, agentId: listings[0]!.id });
    // The tree may spend what its parts cost plus what each may delegate: 10 + 30, 10 of it spent.
    expect((await agents.grantFor(firstText)).remainingCredits).toBe(30);
    const secondText = `part listing ${unique()}`;
    await part(secondText, { agentId: listings[2]!.id });
    // A second part at 4 credits brings 5x4 more: 10 + 30 + 4 + 20, 14 spent.
    expect((await agents.grantFor(secondText)).remainingCredits).toBe(50);
    const grant = await agents.grantFor(firstText);
    const child = await send(grant.token, listings[1]!.slug, `part child ${unique()}`);
    expect(await db.task.findUniqueOrThrow({ where: { id: child.id } })).toMatchObject({
      parentTaskId: expect.any(String),
      rootTaskId: request.id,
      depth: 2,
    });
    // The fixture request ends the way its manager would end it (it holds nothing).
    await db.task.update({ where: { id: request.id }, data: { state: "COMPLETED", finishedAt: new Date() } });
  });

  it("answers an expired, forged, tampered or ended grant with 401 and -32052, changing nothing", async () => {
    const { listings } = await holdingListings([3, 3]);
    const buyer = await buyerWithCredits(100);
    const rootText = `expiry root ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, rootText);
    const grant = await agents.grantFor(rootText);
    const claims = { taskId: root.id, rootTaskId: root.id, orgId: buyer.org.id, depth: 0 };
    const expired = signGrant({ ...claims, expiresAt: new Date(Date.now() - 1_000) });
    const [head, signature] = grant.token.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(head.slice(4), "base64url").toString());
    const tampered = `bdg_${Buffer.from(JSON.stringify({ ...payload, d: 4 })).toString("base64url")}.${signature}`;
    const zeros = Buffer.alloc(32).toString("base64url");
    const forged = `bdg_${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${zeros}`;
    // Signed right, for a task of another org: the task is not found there.
    const stranger = await buyerWithCredits(0);
    const elsewhere = signGrant({ ...claims, orgId: stranger.org.id, expiresAt: new Date(Date.now() + 60_000) });
    const before = await tasksOf(buyer.org.id);
    for (const [name, token, said] of [
      ["expired", expired, /expired/],
      ["tampered", tampered, /not valid/],
      ["forged", forged, /not valid/],
      ["elsewhere", elsewhere, /not valid/],
      ["garbage", "bdg_nonsense", /not valid/],
    ] as const) {
      const answer = await sendRaw(token, listings[1]!.slug, `expiry ${name} ${unique()}`);
      expect(answer.status, name).toBe(401);
      expect(answer.headers.get("www-authenticate"), name).toContain("invalid_token");
      expect(rpcError(answer), name).toMatchObject({ code: -32052, message: expect.stringMatching(said) });
      expect(answer.text, name).not.toContain(token);
    }
    expect(await tasksOf(buyer.org.id)).toBe(before);

    agents.release(rootText);
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: root.id } })).state, { timeout: 10_000 })
      .toBe("COMPLETED");
    const ended = await sendRaw(grant.token, listings[1]!.slug, `expiry ended ${unique()}`);
    expect(ended.status).toBe(401);
    expect(rpcError(ended)).toMatchObject({ code: -32052, message: expect.stringMatching(/ended/) });
    expect(await tasksOf(buyer.org.id)).toBe(before);
  });

  it("bills every child to the root's org and keeps the ledger balanced", async () => {
    agents.releaseAll();
    // This file's tasks: earlier files in the worker's database may have left their own running.
    const mine = { createdAt: { gte: FILE_START } };
    await expect
      .poll(() => db.task.count({ where: { ...mine, state: { in: ["SUBMITTED", "WORKING"] } } }), { timeout: 20_000 })
      .toBe(0);
    await expect.poll(() => db.creditHold.count({ where: { ...mine, status: "HELD" } }), { timeout: 20_000 }).toBe(0);
    const children = await db.task.findMany({
      where: { ...mine, parentTaskId: { not: null } },
      select: { orgId: true, parent: { select: { orgId: true } } },
    });
    expect(children.length).toBeGreaterThan(10);
    for (const child of children) expect(child.orgId).toBe(child.parent!.orgId);
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  });
});
