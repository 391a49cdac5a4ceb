import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { syncConnectAccount } from "@/server/services/payouts/sync-connect-account";

/** account.updated (Connect): re-fetch the seller's account and store its status and requirements. */
export default defineFunction<EventData<"stripe/account.updated">>(
  {
    id: "sync-connect-account",
    trigger: { event: "stripe/account.updated" },
    retries: 5,
    // Re-fetching makes order irrelevant; one sync per account at a time just avoids wasted calls.
    concurrency: { limit: 1, key: "accountId" },
  },
  async ({ event, step }) => step.run("sync-account", () => syncConnectAccount({ accountId: event.data.accountId })),
);
