import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { clientIpHeader } from "@/server/net/client-address";
import { unique } from "../../support/factories";
import { apiV1Routes, OpenApiContract } from "../../support/openapi";
import { buyerWithCredits } from "../../support/task-fixtures";
import { keyWithScopes } from "../gateway/gateway-rpc";
import { freshIp } from "../rest/rest-support";
import { send, useHoldingAgents } from "./delegation-support";
import { holdingListings } from "./holding-agent";

/** GET /api/v1/tasks/{id} on the app server, a delegation tree under it, every answer checked against the document. */
const v1: Awaited<ReturnType<typeof apiV1Routes>>["routes"] = [];
const agents = useHoldingAgents([
  {
    pattern: /^\/api\/v1\//,
    handle: (request: Request) => {
      const path = new URL(request.url).pathname;
      for (const route of v1) {
        const match = route.pattern.exec(path);
        if (match) return route.handle(request, match);
      }
      return new Response("not found", { status: 404 });
    },
  },
]);
afterAll(() => agents.releaseAll());

let contract: OpenApiContract;
beforeAll(async () => {
  v1.push(...(await apiV1Routes()).routes);
  contract = await OpenApiContract.fetch(process.env.APP_URL!);
});

type Child = {
  id: string;
  agent: { slug: string };
  state: string;
  depth: number;
  cost: number;
  totalCost: number;
  childCount: number;
};
type Detail = {
  id: string;
  state: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  departmentId: string | null;
  cost: number;
  children: Child[];
  totalCost: number;
  treeSize: number;
  artifacts: { parts: { kind: string; text?: string }[] }[];
  error?: { code: string };
};

async function getTask(id: string, key?: string): Promise<{ status: number; body: Detail }> {
  const headers = new Headers({ [clientIpHeader()]: freshIp() });
  if (key) headers.set("authorization", `Bearer ${key}`);
  const response = await fetch(`${process.env.APP_URL}/api/v1/tasks/${id}`, { headers });
  expect(response.status).toBeLessThan(500);
  return { status: response.status, body: (await contract.check(response, { method: "get" })) as Detail };
}

describe("GET /api/v1/tasks/{id}", () => {
  it("shows a task's place in its tree, its children with their costs and the tree's total", async () => {
    const { listings } = await holdingListings([10, 20, 5]);
    const [a, b, c] = listings as [(typeof listings)[0], (typeof listings)[0], (typeof listings)[0]];
    const buyer = await buyerWithCredits(1_000);
    const rootText = `rest root ${unique()}`;
    const root = await send(buyer.apiKey, a.slug, rootText);
    const childText = `rest child ${unique()}`;
    const child = await send((await agents.grantFor(rootText)).token, b.slug, childText);
    const grandText = `rest grandchild ${unique()}`;
    const grand = await send((await agents.grantFor(childText)).token, c.slug, grandText);
    await agents.grantFor(grandText);

    const top = await getTask(root.id, buyer.apiKey);
    expect(top.status).toBe(200);
    expect(top.body).toMatchObject({
      id: root.id,
      parentId: null,
      rootId: root.id,
      depth: 0,
      departmentId: null,
      cost: 10,
      totalCost: 35,
      treeSize: 3,
    });
    expect(top.body.children).toEqual([
      expect.objectContaining({
        id: child.id,
        agent: expect.objectContaining({ slug: b.slug }),
        depth: 1,
        cost: 20,
        totalCost: 25,
        childCount: 1,
      }),
    ]);
    const middle = await getTask(child.id, buyer.apiKey);
    expect(middle.body).toMatchObject({
      parentId: root.id,
      rootId: root.id,
      depth: 1,
      cost: 20,
      totalCost: 25,
      treeSize: 2,
    });
    expect(middle.body.children.map((x) => [x.id, x.cost])).toEqual([[grand.id, 5]]);

    // Finished: captured costs stay in the total, and the results are there.
    for (const text of [grandText, childText, rootText]) agents.release(text);
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: root.id } })).settledAt, { timeout: 15_000 })
      .not.toBeNull();
    const done = await getTask(root.id, buyer.apiKey);
    expect(done.body).toMatchObject({ state: "COMPLETED", totalCost: 35 });
    expect(done.body.children[0]).toMatchObject({ state: "COMPLETED", cost: 20 });
    expect(done.body.artifacts[0]?.parts[0]).toMatchObject({ kind: "text", text: `Answer to ${rootText}` });
  });

  it("counts a released hold as nothing", async () => {
    const { listings } = await holdingListings([10, 20]);
    const buyer = await buyerWithCredits(1_000);
    const rootText = `rest released ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, rootText);
    const child = await send((await agents.grantFor(rootText)).token, listings[1]!.slug, `rest canceled ${unique()}`);
    const { requestCancel } = await import("@/server/services/tasks/cancel-task");
    await requestCancel({ orgId: buyer.org.id, taskId: child.id });
    await expect
      .poll(async () => (await db.creditHold.findUniqueOrThrow({ where: { taskId: child.id } })).status, {
        timeout: 10_000,
      })
      .toBe("RELEASED");
    const answer = await getTask(root.id, buyer.apiKey);
    expect(answer.body).toMatchObject({ totalCost: 10, treeSize: 2 });
    expect(answer.body.children[0]).toMatchObject({ id: child.id, state: "CANCELED", cost: 0, totalCost: 0 });
    agents.release(rootText);
  });

  it("is not found for another org, forbidden without tasks:read, unauthorized without a key", async () => {
    const { listings } = await holdingListings([1]);
    const buyer = await buyerWithCredits(100);
    const text = `rest access ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, text);
    agents.release(text);
    const stranger = await buyerWithCredits(0);
    const foreign = await getTask(root.id, stranger.apiKey);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: "task_not_found" });
    const unknown = await getTask(`${root.id.slice(0, -4)}ffff`, buyer.apiKey);
    expect(unknown.status).toBe(404);
    const agentsOnly = await keyWithScopes({ orgId: buyer.org.id, userId: buyer.user.id }, ["agents:read"]);
    const refused = await getTask(root.id, agentsOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "missing_scope" });
    expect((await getTask(root.id)).status).toBe(401);
    expect(contract.operations()).toContain("get /api/v1/tasks/{id}");
  });
});
