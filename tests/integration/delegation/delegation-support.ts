import { gatewayCardUrl } from "@/server/a2a/urls";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { useTaskRuntime } from "../../support/app-server";
import { HOLDER_PATH, HoldingAgents } from "./holding-agent";

/**
 * The task runtime and app server with the holding agent mounted, for one
 * file; every held task is let go at the end so nothing outlives the file.
 */
export function useHoldingAgents(extra: Parameters<typeof useTaskRuntime>[0] = []): HoldingAgents {
  const agents = new HoldingAgents();
  let handler: ((request: Request) => Promise<Response>) | undefined;
  useTaskRuntime([
    {
      pattern: new RegExp(`^${HOLDER_PATH}$`),
      handle: (request) => (handler ??= agents.endpoint(`${process.env.APP_URL}${HOLDER_PATH}`))(request),
    },
    ...extra,
  ]);
  return agents;
}

/** Sends `text` to a listing through the gateway with an org API key or a grant's token; the task as accepted. */
export async function send(credential: string, slug: string, text: string) {
  const client = await gatewayClient(gatewayCardUrl(slug), credential);
  return asTask(await client.sendMessage(sendRequest(text, { returnImmediately: true })));
}

/** The official client for a listing, authenticated with an org API key or a grant's token. */
export const clientFor = (credential: string, slug: string) => gatewayClient(gatewayCardUrl(slug), credential);
