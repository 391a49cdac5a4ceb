import { TaskState } from "@a2a-js/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { CALLS, VERSIONS, rpc, rpcError } from "./gateway-rpc";

useTaskRuntime();

let slug: string;
let key: string;
let mine: string[];
let theirs: string;
let orgId: string;

/** What a Prisma operator smuggled in as an id could have touched: every task of both orgs. */
const snapshot = () =>
  db.task.findMany({
    where: { id: { in: [...mine, theirs] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      state: true,
      turn: true,
      cancelRequestedAt: true,
      _count: { select: { events: true, pushConfigs: true } },
    },
  });

beforeAll(async () => {
  const { agent } = await publishDemoAgent("northwind-intake-coordinator", 5);
  slug = agent.slug;
  const buyer = await buyerWithCredits(100);
  const other = await buyerWithCredits(100);
  key = buyer.apiKey;
  orgId = buyer.org.id;
  const start = async (apiKey: string) => {
    const client = await gatewayClient(gatewayCardUrl(slug), apiKey);
    const task = asTask(await client.sendMessage(sendRequest("We need a vendor onboarding summary")));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
    return task.id;
  };
  mine = [await start(key), await start(key)];
  theirs = await start(other.apiKey);
});

const shapes = (): [string, unknown][] => [
  ["not", { not: "" }],
  ["in", { in: [...mine, theirs] }],
  ["contains", { contains: "" }],
  ["startsWith", { startsWith: "0" }],
  ["array of one id", [mine[0]]],
  ["array of ids", [...mine]],
  ["number", 123],
  ["boolean", true],
  ["empty object", {}],
  ["null", null],
  ["empty string", ""],
  ["5 KB string", "a".repeat(5_000)],
  ["NUL byte", `${mine[0]}\u0000`],
  ["lone surrogate", "\ud800"],
  ["toString key", { toString: 1 }],
];

describe.each(VERSIONS)("operator-shaped ids, A2A %s", (version) => {
  it("match nothing and change nothing, for every method", async () => {
    const before = await snapshot();
    for (const name of [
      "send",
      "stream",
      "get",
      "cancel",
      "subscribe",
      "createPush",
      "getPush",
      "listPush",
      "deletePush",
    ]) {
      for (const [label, id] of shapes()) {
        const call = CALLS[name]!(version, id);
        if (!call) continue;
        const answer = await rpc(key, slug, version, call.method, call.params);
        const what = `${call.method} with ${label}`;
        expect(answer.status, what).toBeLessThan(500);
        // A new task may start when the id is dropped on the way (a null taskId is "no task").
        if (name === "send" || name === "stream") {
          if (!rpcError(answer)) continue;
        }
        expect([-32602, -32001], `${what}: ${answer.text.slice(0, 300)}`).toContain(rpcError(answer)?.code);
        expect(answer.text, what).not.toContain(theirs);
      }
    }
    const after = await snapshot();
    expect(after).toEqual(before);
  });
});

describe("ListTasks filters", () => {
  it("refuses operator-shaped and mistyped filters with -32602", async () => {
    const cases: Record<string, unknown>[] = [
      { contextId: { not: "" } },
      { pageToken: { gt: "" } },
      { pageToken: "not-a-token" },
      { pageSize: "abc" },
      { pageSize: -1 },
      { pageSize: 1.5 },
      { historyLength: "many" },
      { status: "TASK_STATE_BOGUS" },
      { statusTimestampAfter: "yesterday" },
      { tenant: { not: "" } },
    ];
    for (const params of cases) {
      const answer = await rpc(key, slug, "1.0", "ListTasks", params);
      expect(rpcError(answer)?.code, JSON.stringify(params)).toBe(-32602);
      expect(rpcError(answer)?.message, JSON.stringify(params)).toMatch(/^Invalid params: .+/);
    }
    // The issued tokens still page through exactly the org's own tasks.
    const seen: string[] = [];
    let pageToken = "";
    do {
      const page = await rpc(key, slug, "1.0", "ListTasks", { pageSize: 2, pageToken });
      expect(page.json.result.tasks.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.result.tasks.map((t: { id: string }) => t.id));
      pageToken = page.json.result.nextPageToken;
    } while (pageToken);
    const expected = await db.task.findMany({ where: { orgId }, orderBy: { id: "desc" }, select: { id: true } });
    expect(seen).toEqual(expected.map((t) => t.id));
    expect(seen).toEqual(expect.arrayContaining(mine));
    expect(seen).not.toContain(theirs);
  });
});
