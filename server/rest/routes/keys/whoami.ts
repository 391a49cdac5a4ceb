import "server-only";
import { z } from "zod";
import { ZApiKeyScopeSchema } from "../../../auth/api-key-scopes";
import { db } from "../../../db";
import { defineRoute } from "../../route";

const ZWhoamiSchema = z.object({
  org: z.object({ id: z.string(), name: z.string(), slug: z.string() }).meta({ description: "The key's org." }),
  key: z.object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(ZApiKeyScopeSchema).meta({ description: "What the key may do." }),
  }),
});

export const whoami = defineRoute({
  method: "get",
  path: "/api/v1/whoami",
  operationId: "whoami",
  summary: "Identify the API key",
  description: "Which org and scopes the key stands for: a cheap way for a program to check its key.",
  tag: "Identity",
  // Bad keys are throttled per client IP before the lookup (admit.ts): a 429, not a 401, once an address guesses.
  access: { kind: "apiKey", scope: null },
  responses: { 200: { description: "The key's org and scopes.", schema: ZWhoamiSchema } },
  handler: async ({ principal }) => {
    const org = await db.organization.findUniqueOrThrow({
      where: { id: principal.orgId },
      select: { id: true, name: true, slug: true },
    });
    return {
      status: 200,
      body: { org, key: { id: principal.keyId, name: principal.keyName, scopes: principal.scopes } },
    };
  },
});
