import "server-only";
import { db } from "../db";

/**
 * The OAuth provider's list columns (Postgres arrays). The plugin writes an
 * absent list as null, which Prisma refuses for a scalar list ("must not be
 * null"); Prisma reads a NULL list back as []. The plugin treats the two
 * alike everywhere but in a client's `scopes` and a resource's
 * `allowedScopes` (null there means "inherit"), which Bureau always sets:
 * registration writes each client's scopes, and the MCP resource is seeded
 * with its allowed scopes (mcp-oauth-provider.ts).
 */
const OAUTH_LIST_FIELDS: Record<string, readonly string[]> = {
  OauthClient: [
    "scopes",
    "clientCredentialsScopes",
    "contacts",
    "redirectUris",
    "postLogoutRedirectUris",
    "grantTypes",
    "responseTypes",
  ],
  OauthResource: ["allowedScopes"],
  OauthRefreshToken: ["resources", "requestedUserInfoClaims", "scopes"],
  OauthAccessToken: ["resources", "requestedUserInfoClaims", "scopes"],
  OauthConsent: ["resources", "requestedUserInfoClaims", "scopes"],
};

/** A null list is left out of an insert (the column stays NULL) and written as [] by an update. */
function withoutNullLists(model: string, data: unknown, onUpdate: boolean): unknown {
  const fields = OAUTH_LIST_FIELDS[model];
  if (!fields || !data || typeof data !== "object") return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of fields) {
    if (copy[field] !== null) continue;
    if (onUpdate) copy[field] = [];
    else delete copy[field];
  }
  return copy;
}

/** The Prisma client better-auth writes through: the app's client, with the OAuth list nulls handled. */
export const authDatabase = db.$extends({
  name: "oauth-list-nulls",
  query: {
    $allModels: {
      create({ model, args, query }) {
        return query({ ...args, data: withoutNullLists(model, args.data, false) } as typeof args);
      },
      update({ model, args, query }) {
        return query({ ...args, data: withoutNullLists(model, args.data, true) } as typeof args);
      },
      updateMany({ model, args, query }) {
        return query({ ...args, data: withoutNullLists(model, args.data, true) } as typeof args);
      },
    },
  },
});
