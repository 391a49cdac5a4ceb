"use client";

import { apiKeyClient } from "@better-auth/api-key/client";
import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { ac, roles } from "@/server/auth/roles";

/** better-auth's browser client: sign-in/up/out and org membership actions. */
export const authClient = createAuthClient({
  plugins: [organizationClient({ ac, roles }), apiKeyClient()],
});

/** better-auth errors carry a message meant for people; fall back politely. */
export function authErrorMessage(error: { message?: string } | null | undefined, fallback: string): string {
  return error?.message && error.message.length < 200 ? error.message : fallback;
}
