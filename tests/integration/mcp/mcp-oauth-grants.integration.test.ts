import {
  discoverAuthorizationServerMetadata,
  auth as runClientAuth,
  refreshAuthorization,
} from "@modelcontextprotocol/sdk/client/auth.js";
import { InvalidGrantError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mcpResourceUri, verifyMcpAccessToken } from "@/server/auth/mcp-oauth";
import { describeConsentRequest } from "@/server/auth/oauth-consent-request";
import { db } from "@/server/db";
import { addMember, callerFor, createOrg, createUser, signInHeaders } from "../../support/factories";
import { appUrl, Browser, consent, startAuthorizationServer, TestClientProvider } from "./oauth-support";

const REDIRECT = "http://localhost:9/callback";
const clientMetadata = {
  client_name: "Grants test client",
  redirect_uris: [REDIRECT],
  grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"],
  token_endpoint_auth_method: "none",
};
const ALL = ["mcp:use", "tasks:write", "workflows:run", "approvals:write", "knowledge:write", "offline_access"];
const READS = [
  "mcp:use",
  "agents:read",
  "tasks:read",
  "workflows:read",
  "company:read",
  "events:read",
  "knowledge:read",
];

/** Client ID metadata documents the test serves, by path. */
const documents = new Map<string, unknown>();
let server: Awaited<ReturnType<typeof startAuthorizationServer>>;
beforeAll(async () => {
  server = await startAuthorizationServer((_request, path) =>
    documents.has(path) ? Response.json(documents.get(path)) : null,
  );
});
afterAll(async () => server?.close());

const mcpUrl = () => `${appUrl()}/api/mcp`;

/** Connects a client for `email` in `orgId` with `scopes`; returns the tokens and the provider. */
async function connect(
  email: string,
  orgId: string,
  scopes: string[],
  provider = new TestClientProvider(REDIRECT, clientMetadata),
) {
  const browser = new Browser(await signInHeaders(email));
  expect(await runClientAuth(provider, { serverUrl: mcpUrl() })).toBe("REDIRECT");
  const toConsent = await browser.navigate(provider.authorizationUrl!);
  expect(toConsent.headers.get("location")).toMatch(/^\/oauth\/consent\?/);
  const consentPage = new URL(toConsent.headers.get("location")!, appUrl());
  const callback = await consent(browser, consentPage, { orgId, scopes });
  const code = callback.searchParams.get("code")!;
  expect(await runClientAuth(provider, { serverUrl: mcpUrl(), authorizationCode: code })).toBe("AUTHORIZED");
  return { provider, browser, consentPage, tokens: provider.tokens()! };
}

describe("OAuth grants for /api/mcp", () => {
  it("narrows a grant to the member's role now, and ends it when they leave the org", async () => {
    const owner = await createUser("Owner");
    const org = await createOrg(owner.id, "Role Org");
    const user = await createUser("Viewer");
    await addMember(org.id, user.id, "viewer");

    // A viewer consenting to everything (the form would not offer it) still cannot write.
    const { tokens } = await connect(user.email, org.id, ALL);
    expect((await verifyMcpAccessToken(tokens.access_token))?.scopes).toEqual([...READS, "approvals:write"]);

    await db.member.updateMany({ where: { organizationId: org.id, userId: user.id }, data: { role: "member" } });
    expect((await verifyMcpAccessToken(tokens.access_token))?.scopes).toEqual([
      ...READS,
      "tasks:write",
      "workflows:run",
      "approvals:write",
      "knowledge:write",
    ]);

    await db.member.deleteMany({ where: { organizationId: org.id, userId: user.id } });
    expect(await verifyMcpAccessToken(tokens.access_token)).toBeNull();
  });

  it("describes the consent screen: the client, the asked scopes and what each org's role may grant", async () => {
    const user = await createUser("Chooser");
    const mine = await createOrg(user.id, "Mine");
    const owner = await createUser("Other owner");
    const theirs = await createOrg(owner.id, "Theirs");
    await addMember(theirs.id, user.id, "viewer");
    const provider = new TestClientProvider(REDIRECT, clientMetadata);
    const browser = new Browser(await signInHeaders(user.email));
    await runClientAuth(provider, { serverUrl: mcpUrl() });
    const consentPage = new URL(
      (await browser.navigate(provider.authorizationUrl!)).headers.get("location")!,
      appUrl(),
    );

    const request = await describeConsentRequest({
      query: consentPage.search.slice(1),
      userId: user.id,
      activeOrgId: mine.id,
    });
    expect(request).toMatchObject({
      kind: "ready",
      client: { name: "Grants test client", verifiedHost: null, redirectHost: "localhost:9" },
      defaultOrgId: mine.id,
    });
    if (request.kind !== "ready") throw new Error("not ready");
    expect(request.scopes.map((s) => [s.scope, s.required])).toEqual([
      ["mcp:use", true],
      ["tasks:write", false],
      ["workflows:run", false],
      ["approvals:write", false],
      ["knowledge:write", false],
      ["offline_access", false],
    ]);
    const byName = Object.fromEntries(request.orgs.map((o) => [o.name, o.allowedScopes]));
    expect(byName).toEqual({ Mine: ALL, Theirs: ["mcp:use", "approvals:write", "offline_access"] });

    const expired = new URLSearchParams(consentPage.search);
    expired.set("exp", String(Math.floor(Date.now() / 1000) - 1));
    expect(await describeConsentRequest({ query: expired.toString(), userId: user.id, activeOrgId: null })).toEqual({
      kind: "invalid",
      message: "This request has expired. Go back to the app and connect again.",
    });
  });

  it("lists a user's connections and disconnects one: its tokens stop working and it must ask again", async () => {
    const user = await createUser("Lister");
    const org = await createOrg(user.id, "Listed Org");
    const { provider, tokens } = await connect(user.email, org.id, ["mcp:use", "tasks:write", "offline_access"]);
    const caller = await callerFor(user.email);

    const [app, ...rest] = await caller.oauthClients.list();
    expect(rest).toEqual([]);
    expect(app).toMatchObject({
      clientName: "Grants test client",
      verifiedHost: null,
      org: { id: org.id, name: "Listed Org" },
      scopes: ["mcp:use", "tasks:write", "offline_access"],
    });
    expect(app!.lastActiveAt).toBeInstanceOf(Date);
    const connected = await db.auditLog.findFirst({ where: { orgId: org.id, action: "oauth_app.connected" } });
    expect(connected).toMatchObject({
      actorUserId: user.id,
      target: provider.clientInformation()!.client_id,
      data: { clientName: "Grants test client", scopes: ["mcp:use", "tasks:write", "offline_access"] },
    });

    // Someone else sees none of it and cannot end it.
    const stranger = await createUser("Stranger");
    const strangerCaller = await callerFor(stranger.email);
    expect(await strangerCaller.oauthClients.list()).toEqual([]);
    await expect(strangerCaller.oauthClients.disconnect({ connectionId: app!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await verifyMcpAccessToken(tokens.access_token)).not.toBeNull();

    await caller.oauthClients.disconnect({ connectionId: app!.id });
    expect(await caller.oauthClients.list()).toEqual([]);
    expect(await verifyMcpAccessToken(tokens.access_token)).toBeNull();
    await expect(
      refreshAuthorization(`${appUrl()}/api/auth`, {
        metadata: await discoverAuthorizationServerMetadata(`${appUrl()}/api/auth`),
        clientInformation: provider.clientInformation()!,
        refreshToken: tokens.refresh_token!,
        resource: new URL(mcpResourceUri()),
      }),
    ).rejects.toThrow(InvalidGrantError);
    const audit = await db.auditLog.findFirst({ where: { orgId: org.id, action: "oauth_app.disconnected" } });
    expect(audit).toMatchObject({ actorUserId: user.id, data: { clientName: "Grants test client" } });

    // Authorizing again shows the consent screen: the old consent is gone.
    const browser = new Browser(await signInHeaders(user.email));
    const again = new TestClientProvider(REDIRECT, clientMetadata);
    again.saveClientInformation(provider.clientInformation()!);
    await runClientAuth(again, { serverUrl: mcpUrl() });
    const url = new URL(again.authorizationUrl!);
    url.searchParams.delete("prompt");
    expect((await browser.navigate(url)).headers.get("location")).toMatch(/^\/oauth\/consent\?/);
  });

  it("accepts a client ID metadata document as the client_id and refuses one that is not its own", async () => {
    const user = await createUser("Cimd");
    const org = await createOrg(user.id, "Cimd Org");
    const path = `/clients/${crypto.randomUUID()}.json`;
    const clientId = `${appUrl()}${path}`;
    documents.set(path, { ...clientMetadata, client_id: clientId, client_name: "Document client" });

    const provider = new TestClientProvider(REDIRECT, clientMetadata);
    provider.saveClientInformation({ client_id: clientId });
    const { tokens } = await connect(user.email, org.id, ["mcp:use"], provider);
    expect(await verifyMcpAccessToken(tokens.access_token)).toMatchObject({ clientId, orgId: org.id, scopes: READS });
    const stored = await db.oauthClient.findUniqueOrThrow({ where: { clientId } });
    expect(stored).toMatchObject({ name: "Document client", clientDiscoveryId: "cimd", clientSecret: null });

    const caller = await callerFor(user.email);
    expect((await caller.oauthClients.list())[0]).toMatchObject({
      clientName: "Document client",
      verifiedHost: new URL(appUrl()).host,
    });

    // A document naming another client_id is not that client's.
    const forged = `/clients/${crypto.randomUUID()}.json`;
    documents.set(forged, { ...clientMetadata, client_id: `${appUrl()}/clients/someone-else.json` });
    const impostor = new TestClientProvider(REDIRECT, clientMetadata);
    impostor.saveClientInformation({ client_id: `${appUrl()}${forged}` });
    await runClientAuth(impostor, { serverUrl: mcpUrl() });
    const browser = new Browser(await signInHeaders(user.email));
    const refused = await browser.navigate(impostor.authorizationUrl!);
    expect(refused.headers.get("location")).toContain("error=invalid_client");
    expect(await db.oauthClient.count({ where: { clientId: `${appUrl()}${forged}` } })).toBe(0);
  });
});
