import "server-only";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { env } from "../../env";
import { parseEvent, readPath } from "../events";
import { NonRetriableError, type DurableFunction, type JobEvent, type StepTools } from "../types";
import { registerWaiter, removeWaiter } from "./waiters";

/** Results cross a checkpoint as JSON on both engines, so handlers see the same shapes. */
export function asJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * StepTools on DBOS. DBOS identifies steps by call order, so ids are labels
 * here; functions must call steps deterministically (they do on Inngest too).
 */
export function createDbosStep(
  fn: DurableFunction<never>,
  trigger: JobEvent,
  send: (events: JobEvent[]) => Promise<void>,
): StepTools {
  const maxAttempts = (fn.config.retries ?? 3) + 1;
  return {
    run: (id, body) =>
      DBOS.runStep(async () => asJson(await body()), {
        name: id,
        retriesAllowed: maxAttempts > 1,
        maxAttempts,
        intervalSeconds: env.JOBS_RETRY_BASE_MS / 1000,
        backoffRate: 2,
        shouldRetry: (error) => !(error instanceof NonRetriableError),
      }),
    sleep: (_id, ms) => DBOS.sleep(ms),
    async waitForEvent<D>(id: string, opts: { event: string; timeoutMs: number; match: string }) {
      const workflowId = DBOS.workflowID;
      if (!workflowId) throw new Error("waitForEvent outside a run");
      const topic = `wait:${id}`;
      const matchValue = String(readPath(trigger.data, opts.match));
      await DBOS.runStep(
        () =>
          registerWaiter({
            eventName: opts.event,
            matchPath: opts.match,
            matchValue,
            workflowId,
            topic,
            timeoutMs: opts.timeoutMs,
          }),
        { name: `${id}:register` },
      );
      const received = await DBOS.recv<JobEvent<D>>(topic, {
        timeoutSeconds: Math.max(1, Math.ceil(opts.timeoutMs / 1000)),
      });
      await DBOS.runStep(() => removeWaiter(workflowId, topic), { name: `${id}:cleanup` });
      return received;
    },
    async sendEvent(id, events) {
      const list = (Array.isArray(events) ? events : [events]).map(parseEvent);
      // Ids come from a checkpointed step so a replay sends the same events,
      // which the engine then deduplicates by id.
      const ids = await DBOS.runStep(async () => list.map((e) => e.id ?? crypto.randomUUID()), { name: `${id}:ids` });
      await send(list.map((e, i) => ({ ...e, id: ids[i] })));
    },
  };
}
