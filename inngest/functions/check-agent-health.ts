import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { listPublishedAgentIds, probeAgent } from "@/server/services/registry/probe-agent";

/** Probes run this many at a time: each waits up to 5 s per fetch on a slow agent. */
const BATCH = 10;

/**
 * Every 15 minutes: re-fetch every published agent's card and probe its
 * endpoint (each probe its own step, so a crash resumes where it stopped and
 * one slow agent is retried alone).
 */
export default defineFunction(
  { id: "check-agent-health", trigger: { cron: "*/15 * * * *" }, retries: 1 },
  async ({ step }) => {
    const ids = await step.run("list-published-agents", () => listPublishedAgentIds());
    let failing = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      // A flat Promise.all of single steps replays correctly on both engines.
      const results = await Promise.all(
        ids
          .slice(i, i + BATCH)
          .map((agentId) => step.run(`probe-${agentId}`, async () => ({ ok: (await probeAgent({ agentId })).ok }))),
      );
      failing += results.filter((r) => !r.ok).length;
    }
    return { probed: ids.length, failing };
  },
);
