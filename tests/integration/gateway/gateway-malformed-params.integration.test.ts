import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { startAppServer } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { postRaw, rpc, rpcError, textMessage, type Version } from "./gateway-rpc";

let server: Awaited<ReturnType<typeof startAppServer>>;
let slug: string;
let key: string;
let taskId: string;

beforeAll(async () => {
  server = await startAppServer();
  const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
  const buyer = await buyerWithCredits(0);
  slug = agent.slug;
  key = buyer.apiKey;
  const input = { messageId: "m", role: "user", parts: [{ kind: "text", text: "done" }] };
  taskId = (
    await db.task.create({
      data: { orgId: buyer.org.id, agentId: agent.id, contextId: "c", price: 5, input, state: "COMPLETED" },
    })
  ).id;
}, 60_000);
afterAll(async () => server?.close());

/** [version, method, params, what the sentence must say] */
const cases = (): [Version, string, unknown, RegExp][] => [
  ["1.0", "SendMessage", { message: { ...textMessage("1.0", "x"), parts: [null] } }, /parts\.0 must be an object/],
  ["0.3", "message/send", { message: { ...textMessage("0.3", "x"), parts: [null] } }, /parts\.0/],
  ["1.0", "SendMessage", { message: { ...textMessage("1.0", "x"), parts: [] } }, /at least one part/],
  ["1.0", "SendMessage", { message: { ...textMessage("1.0", "x"), parts: [{}] } }, /text, a file .* or data/],
  ["0.3", "message/send", { message: { ...textMessage("0.3", "x"), parts: [{ kind: "text", text: 5 }] } }, /text/],
  ["1.0", "SendMessage", { message: { ...textMessage("1.0", "a\u0000b") } }, /NUL bytes/],
  ["1.0", "SendMessage", {}, /params\.message is required|message/],
  ["1.0", "ListTasks", { pageSize: "abc" }, /pageSize/],
  ["1.0", "GetTask", { id: taskId, historyLength: -2 }, /historyLength/],
  ["0.3", "tasks/get", { id: taskId, historyLength: "all" }, /historyLength/],
  ["0.3", "tasks/pushNotificationConfig/set", { taskId }, /pushNotificationConfig/],
  ["1.0", "CreateTaskPushNotificationConfig", { taskId }, /url/],
  ["1.0", "CreateTaskPushNotificationConfig", { taskId, url: "ftp://x" }, /http\(s\) URL/],
  ["0.3", "tasks/pushNotificationConfig/delete", { id: taskId }, /pushNotificationConfigId/],
  ["1.0", "DeleteTaskPushNotificationConfig", { taskId }, /config id/i],
  ["1.0", "GetTask", "not an object", /params must be an object/],
  ["0.3", "tasks/cancel", [taskId], /params must be an object/],
];

describe("malformed params", () => {
  it("answer -32602 with a sentence saying what is wrong, never -32603", async () => {
    for (const [version, method, params, says] of cases()) {
      const answer = await rpc(key, slug, version, method, params);
      const what = `${version} ${method} ${JSON.stringify(params).slice(0, 80)}`;
      expect(answer.status, what).toBe(200);
      expect(rpcError(answer), what).toMatchObject({ code: -32602, message: expect.stringMatching(says) });
    }
  });

  it("refuse JSON nested deeper than 32 levels before parsing it", async () => {
    const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
    for (const n of [40, 100_000]) {
      const body =
        '{"jsonrpc":"2.0","id":3,"method":"SendMessage","params":{"message":{"parts":[{"data":' + `${deep(n)}}]}}}`;
      const answer = await postRaw(gatewayUrl(slug), body, { authorization: `Bearer ${key}`, "a2a-version": "1.0" });
      expect(rpcError(answer)).toMatchObject({ code: -32602, message: expect.stringMatching(/deeper than 32/) });
    }
  });

  it("keep the JSON-RPC codes for bad JSON, bad envelopes and unknown methods", async () => {
    const post = (body: string) => postRaw(gatewayUrl(slug), body, { authorization: `Bearer ${key}` });
    expect(rpcError(await post("{"))?.code).toBe(-32700);
    expect(rpcError(await post('{"jsonrpc":"2.0","id":{},"method":"GetTask"}'))?.code).toBe(-32600);
    expect(rpcError(await post('[{"jsonrpc":"2.0","id":1,"method":"GetTask"}]'))?.code).toBe(-32600);
    expect(rpcError(await post('{"jsonrpc":"2.0","id":1,"method":"tasks/list","params":{}}'))?.code).toBe(-32601);
    expect(rpcError(await post('{"jsonrpc":"2.0","id":1,"method":"Nope","params":{}}'))?.code).toBe(-32601);
  });
});
