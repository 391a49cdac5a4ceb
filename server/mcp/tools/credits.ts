import "server-only";
import { z } from "zod";
import { getOrgBalance } from "../../services/ledger/get-balance";
import { defineTool } from "./tool";

export const creditsBalance = defineTool({
  name: "credits_balance",
  grantKey: "credits_balance",
  title: "Credits balance",
  description: "The org's credits: what it can spend now, and what running tasks hold until they end.",
  input: z.object({}),
  output: z.object({
    availableCredits: z.number().int(),
    heldCredits: z
      .number()
      .int()
      .meta({ description: "Reserved by running tasks: charged or released when they end." }),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  scopes: ["tasks:read"],
  call: async (_args, ctx) => {
    const balance = await getOrgBalance({ orgId: ctx.principal.orgId });
    return {
      text:
        `${balance.available.toLocaleString("en-US")} credits available, ` +
        `${balance.held.toLocaleString("en-US")} held by running tasks.`,
      structured: { availableCredits: balance.available, heldCredits: balance.held },
    };
  },
});
