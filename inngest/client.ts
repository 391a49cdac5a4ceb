import "server-only";
import { Inngest } from "inngest";
import { env } from "@/server/env";

/**
 * Bureau's Inngest client (production engine). Event and signing keys come
 * from the environment; INNGEST_BASE_URL points at a self-hosted server.
 */
export const inngest = new Inngest({
  id: "bureau",
  ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
  ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
});
