import { TaskState } from "@a2a-js/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { INTERNAL_ERROR_MESSAGE } from "@/server/errors";
import { logger } from "@/server/logger";
import type * as StreamModule from "@/server/services/events/stream-task-events";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { CALLS, VERSIONS, rpc, rpcError, type RpcAnswer } from "./gateway-rpc";

// Mid-stream failures need a read to fail; a real Prisma error (its message
// names this file, the query and the org id) stands in for a database fault.
const failStreams = vi.hoisted(() => ({ orgId: null as string | null }));
vi.mock("@/server/services/events/stream-task-events", async (importOriginal) => {
  const real = await importOriginal<typeof StreamModule>();
  return {
    ...real,
    // A real Prisma fault in the middle of a stream: an invalid filter that
    // names the org, as a careless error message would repeat it.
    async *streamTaskEvents(input: Parameters<typeof real.streamTaskEvents>[0]) {
      if (input.orgId === failStreams.orgId) {
        const { db: prisma } = await import("@/server/db");
        await prisma.taskEvent.findFirst({ where: { orgId: input.orgId, taskId: { evil: input.orgId } as never } });
      }
      yield* real.streamTaskEvents(input);
    },
  };
});

useTaskRuntime();

let slug: string;
let key: string;
let orgId: string;
let waitingTask: string;
const logged = vi.spyOn(logger, "error");

beforeAll(async () => {
  const { agent } = await publishDemoAgent("northwind-intake-coordinator", 5);
  const buyer = await buyerWithCredits(100);
  slug = agent.slug;
  key = buyer.apiKey;
  orgId = buyer.org.id;
  const client = await gatewayClient(gatewayCardUrl(slug), key);
  const task = asTask(await client.sendMessage(sendRequest("We need a vendor onboarding summary")));
  expect(task.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
  waitingTask = task.id;
  // A database fault on this org's writes only (other files share the database).
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION gateway_test_fault() RETURNS trigger AS $$
    BEGIN
      IF NEW."orgId" = '${orgId}' THEN RAISE EXCEPTION 'forced failure for org %', NEW."orgId"; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  for (const table of ["TaskPushConfig", "Task"])
    await db.$executeRawUnsafe(
      `CREATE TRIGGER gateway_test_fault BEFORE INSERT ON "${table}" ` +
        "FOR EACH ROW EXECUTE FUNCTION gateway_test_fault()",
    );
});

afterAll(async () => {
  for (const table of ["TaskPushConfig", "Task"])
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS gateway_test_fault ON "${table}"`);
  await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS gateway_test_fault()");
});

function expectGenericInternalError(answer: RpcAnswer, requestId: string) {
  expect(answer.status).toBeLessThan(500);
  const error = rpcError(answer);
  expect(error).toMatchObject({ code: -32603, message: INTERNAL_ERROR_MESSAGE });
  expect(JSON.stringify(error?.data)).toContain(requestId);
  for (const leak of [/prisma/i, /\/work\//, /\.ts\b/, /\bat \S+ \(/, /forced failure/, /invocation/i])
    expect(answer.text).not.toMatch(leak);
  expect(answer.text).not.toContain(orgId);
}

describe.each(VERSIONS)("internal errors never leak, A2A %s", (version) => {
  it("answers a failing write with -32603, a generic sentence and the request id; details go to the log", async () => {
    const calls = [CALLS.createPush!(version, waitingTask)!, CALLS.send!(version, undefined)!];
    for (const call of calls) {
      logged.mockClear();
      const requestId = `req-${crypto.randomUUID()}`;
      const answer = await rpc(key, slug, version, call.method, call.params, { "x-request-id": requestId });
      expectGenericInternalError(answer, requestId);
      const details = JSON.stringify(logged.mock.calls.map(([fields]) => String((fields as { err?: unknown }).err)));
      expect(details, call.method).toMatch(/forced failure/);
    }
    expect(await db.taskPushConfig.count({ where: { orgId, configId: "new-hook" } })).toBe(0);
  });

  it("ends a stream that fails with the same generic error frame", async () => {
    failStreams.orgId = orgId;
    try {
      for (const call of [CALLS.subscribe!(version, waitingTask)!, CALLS.stream!(version, undefined)!]) {
        logged.mockClear();
        const requestId = `req-${crypto.randomUUID()}`;
        const answer = await rpc(key, slug, version, call.method, call.params, { "x-request-id": requestId });
        expectGenericInternalError(answer, requestId);
        if (call === undefined || !/subscribe/i.test(call.method)) continue;
        // Subscribing fails mid-stream: the snapshot went out, then the error frame.
        expect(answer.headers.get("content-type")).toMatch(/event-stream/);
        expect(answer.json[0]?.result).toBeTruthy();
        expect(JSON.stringify(logged.mock.calls.map(([f]) => String((f as { err?: unknown }).err)))).toMatch(/evil/);
      }
    } finally {
      failStreams.orgId = null;
    }
  });
});

it("still serves the org normally around the faults", async () => {
  const answer = await rpc(key, slug, "1.0", "GetTask", { id: waitingTask });
  expect(answer.json.result?.id).toBe(waitingTask);
});
