import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { startTask } from "@/server/services/tasks/start-task";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { VERSIONS, rpc, rpcError, textMessage, type Version } from "./gateway-rpc";

useTaskRuntime();

let first: { slug: string; id: string };
let second: { slug: string; id: string };
let buyer: Awaited<ReturnType<typeof buyerWithCredits>>;

beforeAll(async () => {
  const a = await publishDemoAgent("northwind-data-analyst", 10);
  const b = await publishDemoAgent("northwind-data-analyst", 10);
  first = { slug: a.agent.slug, id: a.agent.id };
  second = { slug: b.agent.slug, id: b.agent.id };
  buyer = await buyerWithCredits(200);
});

const send = (version: Version, slug: string, message: unknown, key = buyer.apiKey) =>
  rpc(key, slug, version, version === "1.0" ? "SendMessage" : "message/send", {
    message,
    configuration: version === "1.0" ? { returnImmediately: true } : { blocking: false },
  });
const taskIdOf = (answer: Awaited<ReturnType<typeof send>>): string =>
  answer.json.result?.task?.id ?? answer.json.result?.id;
const tasksOfBuyer = () => db.task.count({ where: { orgId: buyer.org.id } });

describe.each(VERSIONS)("messageId rules, A2A %s", (version) => {
  it("refuses a message without a messageId, or with an empty or over-long one, with -32602", async () => {
    const before = await tasksOfBuyer();
    const { messageId: _dropped, ...withoutId } = textMessage(version, "1, 2, 3");
    for (const message of [
      withoutId,
      textMessage(version, "1, 2, 3", { messageId: "" }),
      textMessage(version, "1, 2, 3", { messageId: "m".repeat(201) }),
      { ...textMessage(version, "1, 2, 3"), messageId: 42 },
    ]) {
      const answer = await send(version, first.slug, message);
      expect(answer.status).toBe(200);
      expect(rpcError(answer), JSON.stringify(message).slice(0, 120)).toMatchObject({
        code: -32602,
        message: expect.stringMatching(/messageId/),
      });
    }
    expect(await tasksOfBuyer()).toBe(before);
  });

  it("returns the original task for a retry to the same agent, and charges once", async () => {
    const wallet = (await walletOf(buyer.org.id)).ORG_WALLET!;
    const messageId = `retry-${crypto.randomUUID()}`;
    const one = await send(version, first.slug, textMessage(version, "4, 5", { messageId }));
    const two = await send(version, first.slug, textMessage(version, "4, 5", { messageId }));
    expect(taskIdOf(one)).toBeTruthy();
    expect(taskIdOf(two)).toBe(taskIdOf(one));
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 }).toBe(wallet - 10);
  });

  it("refuses the same messageId for another agent with -32602 and starts nothing", async () => {
    const messageId = `reused-${crypto.randomUUID()}`;
    expect(taskIdOf(await send(version, first.slug, textMessage(version, "7", { messageId })))).toBeTruthy();
    const before = await tasksOfBuyer();
    const reused = await send(version, second.slug, textMessage(version, "7", { messageId }));
    expect(rpcError(reused)).toMatchObject({ code: -32602, message: expect.stringMatching(/another agent/) });
    expect(await tasksOfBuyer()).toBe(before);
    expect(await db.task.count({ where: { orgId: buyer.org.id, agentId: second.id } })).toBe(0);
  });
});

describe("messageId in startTask (every door)", () => {
  const actor = () => ({ kind: "apiKey" as const, apiKeyId: "k", scopes: ["tasks:write" as const] });
  const message = (messageId: string) => ({
    messageId,
    role: "user" as const,
    parts: [{ kind: "text" as const, text: "8" }],
  });

  it("refuses an empty messageId as invalid input", async () => {
    const refusal = await startTask({
      orgId: buyer.org.id,
      agent: { id: first.id },
      message: message(" "),
      actor: actor(),
      source: "A2A",
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: "invalid_input" });
  });

  it("keeps messageIds per org: another org's identical messageId starts its own task", async () => {
    const other = await buyerWithCredits(50);
    const messageId = `shared-${crypto.randomUUID()}`;
    const mine = await send("1.0", first.slug, textMessage("1.0", "9", { messageId }));
    const theirs = await send("1.0", first.slug, textMessage("1.0", "9", { messageId }), other.apiKey);
    expect(taskIdOf(theirs)).toBeTruthy();
    expect(taskIdOf(theirs)).not.toBe(taskIdOf(mine));
  });

  it("reports a reused messageId with its stable code", async () => {
    const messageId = `service-${crypto.randomUUID()}`;
    const input = { orgId: buyer.org.id, message: message(messageId), actor: actor(), source: "A2A" as const };
    await startTask({ ...input, agent: { id: first.id } });
    const again = await startTask({ ...input, agent: { id: first.id } });
    expect(again.created).toBe(false);
    await expect(startTask({ ...input, agent: { id: second.id } })).rejects.toMatchObject({
      code: "message_id_reused",
    });
  });
});
