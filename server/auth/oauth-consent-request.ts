import "server-only";
import { db } from "../db";
import { listMyOrgs } from "../services/orgs/list-my-orgs";
import { isClientMetadataDocumentUrl } from "./mcp-client-metadata-documents";
import {
  isMcpOAuthScope,
  MCP_OAUTH_SCOPE_RULES,
  REQUIRED_MCP_OAUTH_SCOPE,
  scopesAllowedForRole,
  type McpOAuthScope,
} from "./mcp-oauth-scopes";

export interface ConsentOrg {
  id: string;
  name: string;
  role: string;
  /** The requested scopes this member may grant in this org. */
  allowedScopes: McpOAuthScope[];
}

export interface ConsentScope {
  scope: McpOAuthScope;
  description: string;
  required: boolean;
  /** The least role that may grant it (shown when the chosen org's role is below it). */
  leastRole: string;
}

export type ConsentRequest =
  | { kind: "invalid"; message: string }
  | {
      kind: "ready";
      client: {
        name: string;
        uri: string | null;
        /** The host of a client_id metadata document URL: who the app proved to be. */
        verifiedHost: string | null;
        /** Where the user is sent back with the code. */
        redirectHost: string;
      };
      scopes: ConsentScope[];
      orgs: ConsentOrg[];
      defaultOrgId: string | null;
      /** The signed authorization request, handed back to /oauth2/consent as `oauth_query`. */
      oauthQuery: string;
    };

function hostOf(uri: string | null): string | null {
  if (!uri || !URL.canParse(uri)) return null;
  const url = new URL(uri);
  return url.protocol === "http:" || url.protocol === "https:" ? url.host : url.protocol.replace(/:$/, "");
}

/**
 * What the consent screen shows for the authorization request the
 * authorization server sent the browser with (its signed query): the client,
 * the scopes it asks for, and the user's orgs with the scopes their role in
 * each may grant. Only reads: the signature, the client and the scopes are
 * checked again by /oauth2/consent when the user answers.
 */
export async function describeConsentRequest(input: {
  query: string;
  userId: string;
  activeOrgId: string | null;
}): Promise<ConsentRequest> {
  const params = new URLSearchParams(input.query);
  const clientId = params.get("client_id");
  const exp = Number(params.get("exp"));
  if (!clientId || !params.get("sig") || !Number.isFinite(exp)) {
    return {
      kind: "invalid",
      message: "This page needs the request an app started. Go back to the app and connect again.",
    };
  }
  if (exp * 1000 < Date.now()) {
    return { kind: "invalid", message: "This request has expired. Go back to the app and connect again." };
  }
  const client = await db.oauthClient.findUnique({
    where: { clientId },
    select: { name: true, uri: true, disabled: true },
  });
  if (!client || client.disabled) return { kind: "invalid", message: "This app is not registered with Bureau." };

  const requested = (params.get("scope") ?? "").split(" ").filter(isMcpOAuthScope);
  if (!requested.includes(REQUIRED_MCP_OAUTH_SCOPE)) {
    return { kind: "invalid", message: "This app did not ask for access to Bureau's MCP server (the mcp:use scope)." };
  }
  const { orgs, activeOrgId } = await listMyOrgs({ userId: input.userId, activeOrgId: input.activeOrgId });
  return {
    kind: "ready",
    client: {
      name: client.name?.trim() || "An unnamed app",
      uri: client.uri ?? null,
      verifiedHost: isClientMetadataDocumentUrl(clientId) ? new URL(clientId).host : null,
      redirectHost: hostOf(params.get("redirect_uri")) ?? "an unknown address",
    },
    scopes: requested.map((scope) => ({
      scope,
      description: MCP_OAUTH_SCOPE_RULES[scope].description,
      required: scope === REQUIRED_MCP_OAUTH_SCOPE,
      leastRole: MCP_OAUTH_SCOPE_RULES[scope].leastRole,
    })),
    orgs: orgs.map((org) => ({
      id: org.id,
      name: org.name,
      role: org.role,
      allowedScopes: scopesAllowedForRole(requested, org.role),
    })),
    defaultOrgId: activeOrgId,
    oauthQuery: input.query,
  };
}
