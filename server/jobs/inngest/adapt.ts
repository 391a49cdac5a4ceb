import "server-only";
import type { GetStepTools, Inngest } from "inngest";
import type { DurableFunction, JobEvent, StepTools } from "../types";

type InngestStep = GetStepTools<Inngest.Any>;

/** Bureau's StepTools over Inngest's step object: same names, same semantics. */
export function adaptStep(step: InngestStep): StepTools {
  return {
    run: <T>(id: string, body: () => Promise<T>) => step.run(id, body) as Promise<T>,
    sleep: (id, ms) => step.sleep(id, ms),
    async waitForEvent<D>(id: string, opts: { event: string; timeoutMs: number; match: string }) {
      const received = await step.waitForEvent(id, {
        event: opts.event,
        timeout: opts.timeoutMs,
        match: `data.${opts.match}`,
      });
      return received
        ? ({ name: received.name, data: received.data as D, id: received.id } satisfies JobEvent<D>)
        : null;
    },
    sendEvent: async (id, events) => {
      await step.sendEvent(id, Array.isArray(events) ? events : [events]);
    },
  };
}

/** Turns one Bureau function definition into an Inngest function. */
export function toInngestFunction(client: Inngest.Any, fn: DurableFunction<never>) {
  const { config } = fn;
  const toEvent = (e: { name: string; data: unknown; id?: string }) =>
    ({ name: e.name, data: e.data, id: e.id }) as JobEvent<never>;
  return client.createFunction(
    {
      id: config.id,
      retries: (config.retries ?? 3) as 3,
      triggers: ["cron" in config.trigger ? { cron: config.trigger.cron } : { event: config.trigger.event }],
      ...(config.concurrency
        ? {
            concurrency: config.concurrency.key
              ? { limit: config.concurrency.limit, key: `event.data.${config.concurrency.key}` }
              : { limit: config.concurrency.limit },
          }
        : {}),
      ...(config.cancelOn
        ? { cancelOn: config.cancelOn.map((c) => ({ event: c.event, match: `data.${c.match}` })) }
        : {}),
      ...(fn.onFailure
        ? {
            onFailure: async ({
              event,
              error,
              runId,
            }: {
              event: { data: { event: { name: string; data: unknown; id?: string } } };
              error: Error;
              runId: string;
            }) => {
              await fn.onFailure!({ event: toEvent(event.data.event), error, runId });
            },
          }
        : {}),
    },
    async ({ event, step, runId }) =>
      fn.handler({ event: toEvent(event), step: adaptStep(step as unknown as InngestStep), runId }),
  );
}
