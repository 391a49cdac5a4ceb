import { TaskState } from "@a2a-js/sdk";
import { describe, expect, it, vi } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import type * as A2ATaskModule from "@/server/services/tasks/a2a-task";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";

const loads = vi.hoisted(() => [] as string[]);
vi.mock("@/server/services/tasks/a2a-task", async (importOriginal) => {
  const original = await importOriginal<typeof A2ATaskModule>();
  return {
    ...original,
    loadA2ATask: (input: Parameters<typeof original.loadA2ATask>[0]) => {
      loads.push(input.taskId);
      return original.loadA2ATask(input);
    },
  };
});

useTaskRuntime();

/**
 * A blocking SendMessage whose turn this process ran answers with the task
 * as the write that ended the turn saw it (bureau_task_view, returned by
 * bureau_write_task), not with a second read: it must be the task GetTask
 * then shows, history trimmed the same way.
 */
describe("the answer to a blocking SendMessage", () => {
  it("is the task GetTask shows, whatever historyLength asks", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    for (const historyLength of [undefined, 0, 1]) {
      const request = sendRequest("Quarterly revenue: 120, 135, 150, 90");
      if (historyLength !== undefined) request.configuration!.historyLength = historyLength;
      const answered = asTask(await client.sendMessage(request));
      // The answer came from the pausing write: the task was not read for it.
      expect(loads.filter((id) => id === answered.id)).toEqual([]);
      expect(answered.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
      expect(answered.artifacts.length).toBeGreaterThan(0);
      const read = await client.getTask({ tenant: "", id: answered.id, historyLength });
      expect(answered).toEqual(read);
      expect(loads.filter((id) => id === answered.id)).toHaveLength(1); // GetTask's read: the spy sees reads
      expect(answered.history).toHaveLength(historyLength === 0 ? 0 : 1);
    }
  });
});
