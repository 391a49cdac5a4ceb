import "server-only";
import { Role, TaskState, type Message, type Task } from "@a2a-js/sdk";
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory } from "@a2a-js/sdk/client";
import { z } from "zod";

/**
 * How a seller's agent delegates on Bureau, written the way a seller would
 * write it (nothing here is Bureau's own code): read the grant from the
 * message metadata, call the other listing through Bureau's gateway with the
 * official A2A client and the grant as the bearer token, and wait for its
 * answer. Bureau bills the child to the buyer, inside the grant's budget.
 */
export const GRANT_METADATA_KEY = "bureau/delegation";

const ZGrantSchema = z.object({
  token: z.string().startsWith("bdg_"),
  rootTaskId: z.string(),
  taskId: z.string(),
  remainingCredits: z.number(),
  depth: z.number().int(),
  expiresAt: z.string(),
});
export type ReceivedGrant = z.infer<typeof ZGrantSchema>;

/** The grant Bureau sent with this message, if it did (a direct caller sends none). */
export function grantOf(message: Message): ReceivedGrant | null {
  const parsed = ZGrantSchema.safeParse(message.metadata?.[GRANT_METADATA_KEY]);
  return parsed.success ? parsed.data : null;
}

export type DelegationOutcome = { ok: true; taskId: string; text: string } | { ok: false; reason: string };

/**
 * Sends `text` to the listing `slug` through the gateway at `appUrl` and
 * waits for the task to end (a blocking SendMessage). A refusal (budget,
 * depth, cycle, an ended grant) or a failed task is an outcome, not a throw:
 * the caller decides what to do without the answer.
 */
export async function delegateThroughGateway(input: {
  appUrl: string;
  slug: string;
  grant: ReceivedGrant;
  text: string;
  signal?: AbortSignal;
}): Promise<DelegationOutcome> {
  const authorization = `Bearer ${input.grant.token}`;
  const fetchImpl: typeof fetch = (url, init) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", authorization);
    return fetch(url, { ...init, headers });
  };
  const base = `${input.appUrl.replace(/\/$/, "")}/api/a2a/agents/${encodeURIComponent(input.slug)}`;
  try {
    const client = await new ClientFactory({
      transports: [new JsonRpcTransportFactory({ fetchImpl })],
      cardResolver: new DefaultAgentCardResolver({ fetchImpl }),
    }).createFromUrl(`${base}/.well-known/agent-card.json`, "");
    const result = await client.sendMessage(
      {
        tenant: "",
        message: {
          messageId: crypto.randomUUID(),
          role: Role.ROLE_USER,
          parts: [
            {
              content: { $case: "text", value: input.text },
              metadata: undefined,
              filename: "",
              mediaType: "text/plain",
            },
          ],
          taskId: "",
          contextId: "",
          metadata: undefined,
          extensions: [],
          referenceTaskIds: [],
        },
        configuration: { acceptedOutputModes: [], taskPushNotificationConfig: undefined, returnImmediately: false },
        metadata: undefined,
      },
      { signal: input.signal },
    );
    if (!("status" in result)) return { ok: true, taskId: "", text: partsText(result.parts) };
    return outcomeOf(result);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function outcomeOf(task: Task): DelegationOutcome {
  if (task.status?.state !== TaskState.TASK_STATE_COMPLETED) {
    const said = task.status?.message ? partsText(task.status.message.parts) : "";
    return { ok: false, reason: said || "the task did not complete" };
  }
  return { ok: true, taskId: task.id, text: partsText(task.artifacts.flatMap((a) => a.parts)) };
}

const partsText = (parts: Message["parts"]) =>
  parts.flatMap((p) => (p.content?.$case === "text" ? [p.content.value] : [])).join("\n");
