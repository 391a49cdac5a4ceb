import type { DurableFunction } from "./types";

/**
 * Every durable function, for both engines. Add a function here when its
 * file lands in inngest/functions/. Loaded lazily by the engines so that
 * modules sending events never import every function's dependencies.
 */
export async function loadFunctions(): Promise<DurableFunction<never>[]> {
  const modules = await Promise.all([
    import("@/inngest/functions/run-agent-task"),
    import("@/inngest/functions/continue-agent-task"),
    import("@/inngest/functions/cancel-agent-task"),
    import("@/inngest/functions/sweep-lost-tasks"),
    import("@/inngest/functions/deliver-task-push"),
    import("@/inngest/functions/fulfill-checkout"),
    import("@/inngest/functions/close-checkout"),
    import("@/inngest/functions/refund-charge"),
    import("@/inngest/functions/sync-connect-account"),
    import("@/inngest/functions/release-pending-earnings"),
    import("@/inngest/functions/pay-out-sellers"),
    import("@/inngest/functions/pay-out-seller"),
    import("@/inngest/functions/sweep-open-checkouts"),
    import("@/inngest/functions/check-agent-health"),
  ]);
  return modules.map((m) => m.default as DurableFunction<never>);
}
