import "server-only";
import { TaskState } from "@a2a-js/sdk";
import { AgentEvent, type AgentExecutor, type ExecutionEventBus, type RequestContext } from "@a2a-js/sdk/server";
import { runBehavior } from "./behaviors";
import { grantOf } from "./delegate";
import { messageText, statusEvent, submittedTask, type TaskIds } from "./events";
import { Turn, type DemoRuntimeOptions } from "./turn";
import type { DemoAgentSpec } from "./types";

/** Demo inputs are prompts, not documents; longer text only slows the templates down. */
const MAX_INPUT_CHARS = 20_000;

interface ActiveTask {
  ids: TaskIds;
  /** Null while the task waits for the caller's answer (no work running). */
  controller: AbortController | null;
}

/**
 * Runs one demo agent's behaviour for the SDK's DefaultRequestHandler and
 * honours CancelTask for both running and waiting tasks.
 */
export class DemoAgentExecutor implements AgentExecutor {
  private readonly active = new Map<string, ActiveTask>();

  constructor(
    private readonly spec: DemoAgentSpec,
    private readonly options: DemoRuntimeOptions,
    private readonly onError: (error: unknown, slug: string) => void = () => {},
  ) {}

  execute = async (context: RequestContext, bus: ExecutionEventBus): Promise<void> => {
    const ids: TaskIds = { taskId: context.taskId, contextId: context.contextId };
    const controller = new AbortController();
    this.active.set(ids.taskId, { ids, controller });
    // The SDK requires a Task (or Message) first on every turn; a follow-up
    // re-announces the stored task, now working again.
    const task = context.task
      ? {
          ...context.task,
          status: { state: TaskState.TASK_STATE_WORKING, message: undefined, timestamp: new Date().toISOString() },
        }
      : submittedTask(ids, context.userMessage);
    bus.publish(AgentEvent.task(task));
    const earlier = context.task
      ? context.task.history.filter((m) => m.messageId !== context.userMessage.messageId)
      : [];
    const turn = new Turn(
      this.spec,
      ids,
      messageText(context.userMessage).slice(0, MAX_INPUT_CHARS),
      earlier,
      controller.signal,
      (event) => bus.publish(event),
      this.options,
      grantOf(context.userMessage),
    );
    let waiting = false;
    try {
      waiting = (await runBehavior(turn, this.spec.behavior)) === "waiting";
    } catch (error) {
      this.onError(error, this.spec.slug);
      turn.status(TaskState.TASK_STATE_FAILED, "The agent hit an unexpected error. Try again in a moment.");
    } finally {
      if (waiting && !controller.signal.aborted) this.active.set(ids.taskId, { ids, controller: null });
      else if (this.active.get(ids.taskId)?.controller === controller) this.active.delete(ids.taskId);
    }
  };

  cancelTask = async (taskId: string, bus: ExecutionEventBus): Promise<void> => {
    const entry = this.active.get(taskId);
    // Unknown means the task just finished: the handler settles its bus, so the
    // cancel call ends and reports the task as not cancelable.
    if (!entry) return;
    this.active.delete(taskId);
    entry.controller?.abort();
    bus.publish(statusEvent(entry.ids, TaskState.TASK_STATE_CANCELED, "Canceled at the caller's request."));
  };
}
