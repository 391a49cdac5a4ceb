import { afterAll, describe, expect, it } from "vitest";
import { callerFor, unique } from "../../support/factories";
import { buyerWithCredits } from "../../support/task-fixtures";
import { send, useHoldingAgents } from "./delegation-support";
import { holdingListings } from "./holding-agent";

const agents = useHoldingAgents();
afterAll(() => agents.releaseAll());

/** tasks.tree, what the task page's tree panel reads, signed in as a member. */
describe("the task page's tree (tasks.tree)", () => {
  it("gives every task of a tree the whole tree from its root, and nothing to another org", async () => {
    const { listings } = await holdingListings([10, 20, 5]);
    const buyer = await buyerWithCredits(1_000);
    const rootText = `page root ${unique()}`;
    const root = await send(buyer.apiKey, listings[0]!.slug, rootText);
    const childText = `page child ${unique()}`;
    const child = await send((await agents.grantFor(rootText)).token, listings[1]!.slug, childText);
    const second = await send((await agents.grantFor(rootText)).token, listings[2]!.slug, `page second ${unique()}`);
    const grand = await send((await agents.grantFor(childText)).token, listings[2]!.slug, `page grand ${unique()}`);

    const caller = await callerFor(buyer.user.email);
    for (const id of [root.id, child.id, grand.id]) {
      const tree = await caller.tasks.tree({ orgId: buyer.org.id, taskId: id });
      expect(tree).toMatchObject({ rootId: root.id, nodeCount: 4, totalCostCredits: 40, truncated: false });
      expect(tree.nodes.map((n) => [n.id, n.parentId, n.depth])).toEqual([
        [root.id, null, 0],
        [child.id, root.id, 1],
        [second.id, root.id, 1],
        [grand.id, child.id, 2],
      ]);
      expect(tree.nodes[1]).toMatchObject({
        agent: { slug: listings[1]!.slug },
        state: "WORKING",
        costCredits: 20,
        totalCostCredits: 25,
      });
    }

    const stranger = await buyerWithCredits(0);
    const intruder = await callerFor(stranger.user.email);
    await expect(intruder.tasks.tree({ orgId: stranger.org.id, taskId: child.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(intruder.tasks.tree({ orgId: buyer.org.id, taskId: child.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
