import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { logger } from "../logger";
import { ORG_EVENT_TYPES } from "../services/events/catalogue";
import { latestOrgEventId } from "../services/events/list-org-events";
import { streamOrgEvents } from "../services/events/stream-org-events";
import { principalForLog, type McpPrincipal } from "./principal";
import { toolsFingerprint, toolsFor } from "./tools/registry";

/** Events after which the caller's tool list may differ: hires and their changes, departments, members' roles. */
const TOOL_EVENTS = ORG_EVENT_TYPES.filter(
  (type) => type.startsWith("position.") || type.startsWith("department.") || type.startsWith("member."),
);

/**
 * Grants and key scopes change without an org event, so the list is also
 * compared on a slow, jittered timer (an admin's change reaches connected
 * clients within about a minute; a hire at once).
 */
const RECHECK_MS = 60_000;

/**
 * Behind a session's GET stream: follows the org's event log (on whichever
 * process holds the stream; commits reach every process through
 * LISTEN/NOTIFY or Redis) and sends `notifications/tools/list_changed` when
 * what tools/list would answer this caller has changed. The starting point
 * (the newest event, the list as it is) is read before the stream is
 * answered, so a change right after the client connected is never missed.
 * `follow` ends when `signal` aborts or `stillAllowed` says the credential is gone.
 */
export async function watchToolList(principal: McpPrincipal) {
  const after = await latestOrgEventId(principal.orgId);
  let fingerprint = toolsFingerprint(await toolsFor(principal));
  return {
    async follow(input: {
      server: McpServer;
      signal: AbortSignal;
      stillAllowed: () => Promise<boolean>;
    }): Promise<void> {
      const { server, signal } = input;
      let checking: Promise<void> = Promise.resolve();
      const recheck = () => {
        checking = checking.then(async () => {
          if (signal.aborted) return;
          const next = toolsFingerprint(await toolsFor(principal));
          if (next === fingerprint) return;
          fingerprint = next;
          await server.server.sendToolListChanged();
        });
        return checking;
      };
      const timer = setInterval(
        () => {
          recheck().catch((error: unknown) =>
            logger.warn({ err: error, ...principalForLog(principal) }, "MCP tool list recheck failed"),
          );
        },
        RECHECK_MS * (0.75 + Math.random() / 2),
      );
      try {
        for await (const _event of streamOrgEvents({
          orgId: principal.orgId,
          after,
          types: TOOL_EVENTS,
          signal,
          stillAllowed: input.stillAllowed,
        })) {
          await recheck();
        }
      } finally {
        clearInterval(timer);
      }
    },
  };
}
