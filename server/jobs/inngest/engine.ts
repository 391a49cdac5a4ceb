import "server-only";
import { inngest } from "@/inngest/client";
import type { JobEngine } from "../engine";
import { reportJobEngine } from "../status";

/** Production: events go to Inngest, which calls back into /api/inngest. */
export function createInngestEngine(): JobEngine {
  reportJobEngine({ engine: "inngest", status: "running", functions: 0 });
  return {
    name: "inngest",
    async send(events) {
      await inngest.send(
        events.map((e) => ({ name: e.name, data: e.data as Record<string, unknown>, ...(e.id ? { id: e.id } : {}) })),
      );
    },
  };
}
