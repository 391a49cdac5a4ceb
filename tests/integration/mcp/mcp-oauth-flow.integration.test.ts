import {
  auth as runClientAuth,
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
  extractWWWAuthenticateParams,
  refreshAuthorization,
} from "@modelcontextprotocol/sdk/client/auth.js";
import { InvalidGrantError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mcpResourceUri, verifyMcpAccessToken } from "@/server/auth/mcp-oauth";
import { hashOAuthToken } from "@/server/auth/oauth-tokens";
import { db } from "@/server/db";
import { addMember, createOrg, createUser, signInHeaders } from "../../support/factories";
import { appUrl, Browser, consent, startAuthorizationServer, TestClientProvider } from "./oauth-support";

const REDIRECT = "http://127.0.0.1:9/callback";
const clientMetadata = {
  client_name: "Test MCP client",
  redirect_uris: [REDIRECT],
  grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"],
  token_endpoint_auth_method: "none",
};

let server: Awaited<ReturnType<typeof startAuthorizationServer>>;
beforeAll(async () => {
  server = await startAuthorizationServer();
});
afterAll(async () => server?.close());

const mcpUrl = () => `${appUrl()}/api/mcp`;

/** Signs a user in, with an org of their own and a second org where they are a member. */
async function userWithTwoOrgs() {
  const user = await createUser("Grace");
  const home = await createOrg(user.id, "Home Org");
  const otherOwner = await createUser("Owner");
  const other = await createOrg(otherOwner.id, "Client Org");
  await addMember(other.id, user.id, "member");
  return { user, home, other, browser: new Browser(await signInHeaders(user.email)) };
}

/** The SDK's own client flow up to the browser: discovery from the 401, registration, authorization URL. */
async function startClientFlow(provider: TestClientProvider) {
  const unauthenticated = await fetch(mcpUrl(), { method: "POST" });
  expect(unauthenticated.status).toBe(401);
  const { resourceMetadataUrl } = extractWWWAuthenticateParams(unauthenticated);
  expect(resourceMetadataUrl?.href).toBe(`${appUrl()}/.well-known/oauth-protected-resource/api/mcp`);
  const result = await runClientAuth(provider, { serverUrl: mcpUrl(), resourceMetadataUrl });
  expect(result).toBe("REDIRECT");
  return provider.authorizationUrl!;
}

describe("OAuth 2.1 for /api/mcp", () => {
  it("serves the discovery documents the SDK reads", async () => {
    const prm = await discoverOAuthProtectedResourceMetadata(mcpUrl());
    expect(prm).toMatchObject({
      resource: mcpResourceUri(),
      authorization_servers: [`${appUrl()}/api/auth`],
      bearer_methods_supported: ["header"],
    });
    expect(prm.scopes_supported).toEqual([
      "mcp:use",
      "tasks:write",
      "workflows:run",
      "approvals:write",
      "knowledge:write",
      "offline_access",
    ]);
    const bare = await fetch(`${appUrl()}/.well-known/oauth-protected-resource`);
    expect(await bare.json()).toEqual(prm);
    expect(bare.headers.get("access-control-allow-origin")).toBe("*");
    expect((await fetch(`${appUrl()}/.well-known/oauth-protected-resource/api/other`)).status).toBe(404);

    const as = await discoverAuthorizationServerMetadata(`${appUrl()}/api/auth`);
    expect(as).toMatchObject({
      issuer: `${appUrl()}/api/auth`,
      authorization_endpoint: `${appUrl()}/api/auth/oauth2/authorize`,
      token_endpoint: `${appUrl()}/api/auth/oauth2/token`,
      registration_endpoint: `${appUrl()}/api/auth/oauth2/register`,
      revocation_endpoint: `${appUrl()}/api/auth/oauth2/revoke`,
      code_challenge_methods_supported: ["S256"],
      client_id_metadata_document_supported: true,
    });
    expect(as?.grant_types_supported).toEqual(["authorization_code", "refresh_token"]);
    const root = await fetch(`${appUrl()}/.well-known/oauth-authorization-server`);
    expect(await root.json()).toEqual(as);
  });

  it("lets a browser-based client on another origin register and fetch tokens, without cookies", async () => {
    const origin = "https://inspector.example";
    const preflight = await fetch(`${appUrl()}/api/auth/oauth2/token`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();

    const registered = await fetch(`${appUrl()}/api/auth/oauth2/register`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify(clientMetadata),
    });
    expect(registered.status).toBe(201);
    expect(registered.headers.get("access-control-allow-origin")).toBe("*");

    // Cookie endpoints stay same-origin.
    const consentPreflight = await fetch(`${appUrl()}/api/auth/oauth2/consent`, {
      method: "OPTIONS",
      headers: { origin },
    });
    expect(consentPreflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("runs discovery, registration, PKCE, consent (org and scopes), tokens, refresh and revocation", async () => {
    const { user, other, browser } = await userWithTwoOrgs();
    const provider = new TestClientProvider(REDIRECT, clientMetadata);
    const authorizationUrl = await startClientFlow(provider);

    // The SDK registered dynamically and asked for the MCP resource with an S256 challenge.
    const clientId = provider.clientInformation()!.client_id;
    expect(await db.oauthClient.findUnique({ where: { clientId }, select: { name: true } })).toEqual({
      name: "Test MCP client",
    });
    expect(authorizationUrl.searchParams.get("resource")).toBe(mcpResourceUri());
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);

    // Signed in, the browser is sent to the consent screen with the signed request.
    const toConsent = await browser.navigate(authorizationUrl);
    expect(toConsent.status).toBe(302);
    const consentPage = new URL(toConsent.headers.get("location")!, appUrl());
    expect(consentPage.pathname).toBe("/oauth/consent");
    expect(consentPage.searchParams.get("client_id")).toBe(clientId);
    expect(consentPage.searchParams.get("sig")).toBeTruthy();

    // The user picks the org where they are a member and leaves approvals out.
    const callback = await consent(browser, consentPage, {
      orgId: other.id,
      scopes: ["mcp:use", "tasks:write", "offline_access"],
    });
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe(authorizationUrl.searchParams.get("state"));
    expect(callback.searchParams.get("iss")).toBe(`${appUrl()}/api/auth`);
    const code = callback.searchParams.get("code")!;

    expect(await runClientAuth(provider, { serverUrl: mcpUrl(), authorizationCode: code })).toBe("AUTHORIZED");
    const tokens = provider.tokens()!;
    expect(tokens.access_token).toMatch(/^bmcp_at_/);
    expect(tokens.refresh_token).toMatch(/^bmcp_rt_/);
    expect(tokens.scope?.split(" ").sort()).toEqual(["mcp:use", "offline_access", "tasks:write"]);

    const principal = await verifyMcpAccessToken(tokens.access_token);
    expect(principal).toEqual({
      userId: user.id,
      orgId: other.id,
      clientId,
      scopes: [
        "mcp:use",
        "agents:read",
        "tasks:read",
        "workflows:read",
        "company:read",
        "events:read",
        "knowledge:read",
        "tasks:write",
      ],
    });
    const resource = await fetch(mcpUrl(), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await resource.json()).toEqual(principal);

    // Only digests are stored: neither token appears in the database.
    const stored = await db.oauthAccessToken.findFirstOrThrow({ where: { clientId } });
    expect(stored.token).toBe(hashOAuthToken(tokens.access_token.slice("bmcp_at_".length)));
    expect(stored.resources).toEqual([mcpResourceUri()]);
    expect(stored.referenceId).toBe(other.id);
    const refreshRow = await db.oauthRefreshToken.findFirstOrThrow({ where: { clientId } });
    expect(refreshRow.token).not.toContain(tokens.refresh_token!.slice("bmcp_rt_".length));

    // Refresh: a new access token for the same user, org and audience; the old refresh token is spent.
    const asMetadata = await discoverAuthorizationServerMetadata(`${appUrl()}/api/auth`);
    const refreshed = await refreshAuthorization(`${appUrl()}/api/auth`, {
      metadata: asMetadata,
      clientInformation: provider.clientInformation()!,
      refreshToken: tokens.refresh_token!,
      resource: new URL(mcpResourceUri()),
    });
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(await verifyMcpAccessToken(refreshed.access_token)).toEqual(principal);

    // Revocation (RFC 7009) by the public client: an access token stops working at once ...
    const revoke = (token: string, hint: string) =>
      fetch(`${appUrl()}/api/auth/oauth2/revoke`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, token_type_hint: hint, client_id: clientId }),
      });
    expect((await revoke(refreshed.access_token, "access_token")).status).toBe(200);
    expect(await verifyMcpAccessToken(refreshed.access_token)).toBeNull();
    const after = await fetch(mcpUrl(), { headers: { authorization: `Bearer ${refreshed.access_token}` } });
    expect(after.status).toBe(401);

    // ... and a revoked refresh token ends the grant: its access token too, and no more refreshes.
    const again = await refreshAuthorization(`${appUrl()}/api/auth`, {
      metadata: asMetadata,
      clientInformation: provider.clientInformation()!,
      refreshToken: refreshed.refresh_token!,
      resource: new URL(mcpResourceUri()),
    });
    expect(await verifyMcpAccessToken(again.access_token)).toEqual(principal);
    expect((await revoke(again.refresh_token!, "refresh_token")).status).toBe(200);
    expect(await verifyMcpAccessToken(again.access_token)).toBeNull();
    await expect(
      refreshAuthorization(`${appUrl()}/api/auth`, {
        metadata: asMetadata,
        clientInformation: provider.clientInformation()!,
        refreshToken: again.refresh_token!,
      }),
    ).rejects.toThrow(InvalidGrantError);

    // A spent (rotated) refresh token is refused too.
    await expect(
      refreshAuthorization(`${appUrl()}/api/auth`, {
        metadata: asMetadata,
        clientInformation: provider.clientInformation()!,
        refreshToken: tokens.refresh_token!,
      }),
    ).rejects.toThrow(InvalidGrantError);
  });

  it("sends a signed-out browser to the consent page, which consents once the user has signed in", async () => {
    const { user, home } = await userWithTwoOrgs();
    const provider = new TestClientProvider(REDIRECT, clientMetadata);
    const authorizationUrl = await startClientFlow(provider);
    const signedOut = await new Browser().navigate(authorizationUrl);
    expect(signedOut.status).toBe(302);
    const loginPage = new URL(signedOut.headers.get("location")!, appUrl());
    expect(loginPage.pathname).toBe("/oauth/consent");

    // The page sends them through /sign-in and back to itself with the same signed request.
    const browser = new Browser(await signInHeaders(user.email));
    const callback = await consent(browser, loginPage, { orgId: home.id, scopes: ["mcp:use"] });
    expect(
      await runClientAuth(provider, { serverUrl: mcpUrl(), authorizationCode: callback.searchParams.get("code")! }),
    ).toBe("AUTHORIZED");
    expect(await verifyMcpAccessToken(provider.tokens()!.access_token)).toMatchObject({
      userId: user.id,
      orgId: home.id,
    });
  });

  it("refuses a replayed code and revokes the tokens it issued", async () => {
    const { home, browser } = await userWithTwoOrgs();
    const provider = new TestClientProvider(REDIRECT, clientMetadata);
    const authorizationUrl = await startClientFlow(provider);
    const consentPage = new URL((await browser.navigate(authorizationUrl)).headers.get("location")!, appUrl());
    const callback = await consent(browser, consentPage, { orgId: home.id, scopes: ["mcp:use", "offline_access"] });
    const code = callback.searchParams.get("code")!;
    expect(await runClientAuth(provider, { serverUrl: mcpUrl(), authorizationCode: code })).toBe("AUTHORIZED");
    const tokens = provider.tokens()!;
    expect(await verifyMcpAccessToken(tokens.access_token)).toMatchObject({
      orgId: home.id,
      scopes: [
        "mcp:use",
        "agents:read",
        "tasks:read",
        "workflows:read",
        "company:read",
        "events:read",
        "knowledge:read",
      ],
    });

    const replay = await fetch(`${appUrl()}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        client_id: provider.clientInformation()!.client_id,
        redirect_uri: REDIRECT,
        code_verifier: provider.codeVerifier(),
        resource: mcpResourceUri(),
      }),
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
    expect(await verifyMcpAccessToken(tokens.access_token)).toBeNull();
  });

  it("refuses a token issued for another resource or for none (RFC 8707)", async () => {
    const { home, browser } = await userWithTwoOrgs();
    const provider = new TestClientProvider(REDIRECT, clientMetadata);
    await startClientFlow(provider);
    const clientId = provider.clientInformation()!.client_id;
    const other = `${appUrl()}/api/other-${crypto.randomUUID()}`;
    await db.oauthResource.create({
      data: { id: crypto.randomUUID(), identifier: other, name: "Another API", allowedScopes: ["mcp:use"] },
    });
    await db.oauthClientResource.create({ data: { id: crypto.randomUUID(), clientId, resourceId: other } });

    for (const resource of [other, null]) {
      const url = new URL(provider.authorizationUrl!);
      if (resource) url.searchParams.set("resource", resource);
      else url.searchParams.delete("resource");
      const toConsent = await browser.navigate(url);
      expect(toConsent.headers.get("location")).toMatch(/^\/oauth\/consent\?/);
      const consentPage = new URL(toConsent.headers.get("location")!, appUrl());
      const callback = await consent(browser, consentPage, { orgId: home.id, scopes: ["mcp:use"] });
      const token = await fetch(`${appUrl()}/api/auth/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: callback.searchParams.get("code")!,
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_verifier: provider.codeVerifier(),
          ...(resource ? { resource } : {}),
        }),
      });
      const body = (await token.json()) as { access_token: string };
      expect(token.status).toBe(200);
      expect(await verifyMcpAccessToken(body.access_token)).toBeNull();
    }

    // A resource the authorization server does not know is refused before any code.
    const unknown = new URL(provider.authorizationUrl!);
    unknown.searchParams.set("resource", "https://elsewhere.example/api");
    const refused = await browser.navigate(unknown);
    const location = new URL(refused.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_target");
  });
});
