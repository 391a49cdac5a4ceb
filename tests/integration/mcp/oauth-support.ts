import { get as httpGet } from "node:http";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import {
  authorizationServerMetadataResponse,
  protectedResourceMetadataResponse,
} from "@/server/auth/mcp-oauth-metadata";
import { protectedResourceMetadataUrl, verifyMcpAccessToken } from "@/server/auth/mcp-oauth";
import { serveFetchHandler } from "../../support/serve-fetch-handler";

export const appUrl = () => process.env.APP_URL!;

type Extra = (request: Request, path: string) => Response | Promise<Response> | null;

/**
 * better-auth's handler, the discovery documents and a protected resource at
 * /api/mcp on a real HTTP server at APP_URL. The resource answers what an MCP
 * door answers before any MCP: a 401 with the RFC 9728 pointer without a
 * valid token, else the principal verifyMcpAccessToken found.
 */
export async function startAuthorizationServer(extra?: Extra) {
  const port = Number(new URL(appUrl()).port);
  return serveFetchHandler(async (request) => {
    const path = new URL(request.url).pathname;
    const extraResponse = await extra?.(request, path);
    if (extraResponse) return extraResponse;
    if (path.startsWith("/api/auth/")) {
      // The app's own route (CORS for the endpoints browser-based clients call), over better-auth's handler.
      const route = await import("@/app/api/auth/[...all]/route");
      const method = request.method as "GET" | "POST" | "OPTIONS";
      return (route[method] ?? (() => new Response(null, { status: 405 })))(request, undefined);
    }
    const prm = /^\/\.well-known\/oauth-protected-resource(\/.*)?$/.exec(path);
    if (prm) return protectedResourceMetadataResponse(prm[1]?.split("/").filter(Boolean));
    const asm = /^\/\.well-known\/oauth-authorization-server(\/.*)?$/.exec(path);
    if (asm) return authorizationServerMetadataResponse(request, asm[1]?.split("/").filter(Boolean));
    if (path === "/api/mcp") {
      const token = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
      const principal = token ? await verifyMcpAccessToken(token) : null;
      if (!principal) {
        return new Response(null, {
          status: 401,
          headers: { "www-authenticate": `Bearer resource_metadata="${protectedResourceMetadataUrl()}"` },
        });
      }
      return Response.json(principal);
    }
    return new Response("not found", { status: 404 });
  }, port);
}

/** A cookie jar of one browser: the session cookies better-auth set. */
export class Browser {
  private cookies = new Map<string, string>();

  constructor(headers?: Headers) {
    for (const pair of headers?.get("cookie")?.split("; ") ?? []) {
      const [name, ...rest] = pair.split("=");
      if (name) this.cookies.set(name, rest.join("="));
    }
  }

  private remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      if (name) this.cookies.set(name, rest.join("="));
    }
  }

  headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers(extra);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return headers;
  }

  /**
   * A top-level navigation: redirects are not followed, so each hop can be
   * looked at. Sent with node:http, as undici's fetch marks every request
   * "sec-fetch-mode: cors", which the authorization server rightly answers
   * with JSON instead of a redirect.
   */
  async navigate(url: string | URL): Promise<Response> {
    const headers = this.headers({ accept: "text/html", "sec-fetch-mode": "navigate" });
    const response = await new Promise<Response>((resolve, reject) => {
      const request = httpGet(url, { headers: Object.fromEntries(headers) }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              answer.append(name, one);
          }
          resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0, headers: answer }));
        });
      });
      request.on("error", reject);
    });
    this.remember(response);
    return response;
  }

  /** A fetch from a page of the app (same origin, JSON). */
  async post(path: string, body: unknown): Promise<Response> {
    const response = await fetch(new URL(path, appUrl()), {
      method: "POST",
      headers: this.headers({ "content-type": "application/json", origin: appUrl(), accept: "application/json" }),
      body: JSON.stringify(body),
    });
    this.remember(response);
    return response;
  }
}

/**
 * What the consent page does when the user presses Allow: make the chosen org
 * the active one, then consent with the scopes left ticked (the signed query
 * the authorization server put on the page's URL). Returns the redirect URL.
 */
export async function consent(
  browser: Browser,
  consentPageUrl: URL,
  choice: { orgId: string; scopes: string[] },
): Promise<URL> {
  const active = await browser.post("/api/auth/organization/set-active", { organizationId: choice.orgId });
  if (!active.ok) throw new Error(`set-active answered ${active.status}: ${await active.text()}`);
  const answer = await browser.post("/api/auth/oauth2/consent", {
    accept: true,
    scope: choice.scopes.join(" "),
    oauth_query: consentPageUrl.search.slice(1),
  });
  const body = (await answer.json()) as { url?: string };
  if (!answer.ok || !body.url) throw new Error(`consent answered ${answer.status}: ${JSON.stringify(body)}`);
  return new URL(body.url);
}

/**
 * The MCP SDK's OAuthClientProvider for a client that cannot open a browser:
 * it keeps what the SDK saves and hands the authorization URL to the test.
 */
export class TestClientProvider implements OAuthClientProvider {
  authorizationUrl: URL | undefined;
  private info: OAuthClientInformationMixed | undefined;
  private saved: OAuthTokens | undefined;
  private verifier = "";

  constructor(
    readonly redirectUrl: string,
    readonly clientMetadata: OAuthClientMetadata,
    readonly clientMetadataUrl?: string,
  ) {}

  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}
