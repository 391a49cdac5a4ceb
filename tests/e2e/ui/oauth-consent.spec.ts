import { createHash, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createOrg, signUp, uniqueEmail } from "../support";

const REDIRECT = "http://localhost:33418/callback";

/**
 * What an MCP client does before the browser (from its own HTTP client,
 * without the user's cookies): register (RFC 7591) and build a PKCE
 * authorization URL.
 */
async function startAuthorization(client: APIRequestContext, baseURL: string, clientName: string) {
  const registered = await client.post("/api/auth/oauth2/register", {
    data: {
      client_name: clientName,
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    },
  });
  expect(registered.status()).toBe(201);
  const { client_id: clientId } = (await registered.json()) as { client_id: string };
  const verifier = randomBytes(32).toString("base64url");
  const url = new URL("/api/auth/oauth2/authorize", baseURL);
  const params = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: "mcp:use tasks:write workflows:run approvals:write knowledge:write offline_access",
    state: "e2e-state",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    resource: new URL("/api/mcp", baseURL).href,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { clientId, verifier, url: url.href };
}

/** The app's redirect URI is not served here: the browser's arrival there is the answer. */
async function answerAt(page: Page, click: () => Promise<void>): Promise<URL> {
  await page.route(`${REDIRECT}**`, (route) => route.fulfill({ body: "back in the app" }));
  const [request] = await Promise.all([page.waitForRequest((r) => r.url().startsWith(REDIRECT)), click()]);
  return new URL(request.url());
}

test.describe("connect an MCP client with OAuth", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("sign in, choose scopes, allow; the app gets tokens, is listed and can be disconnected", async ({
    page,
    request,
    baseURL,
  }) => {
    const orgName = `OAuth Org ${Date.now().toString(36)}`;
    await signUp(page, { name: "Ada OAuth", email: uniqueEmail("oauth") });
    await createOrg(page, orgName);
    const auth = await startAuthorization(request, baseURL!, "E2E MCP client");

    await page.goto(auth.url);
    await expect(page).toHaveURL(/\/oauth\/consent\?/);
    await expect(page.getByText("Connect E2E MCP client")).toBeVisible();
    await expect(page.getByText(orgName)).toBeVisible();
    await expect(page.getByLabel(/Use Bureau's MCP tools/)).toBeDisabled();
    await page.getByLabel(/Start and cancel workflow runs/).uncheck();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const callback = await answerAt(page, () => page.getByRole("button", { name: "Allow" }).click());
    expect(callback.searchParams.get("state")).toBe("e2e-state");
    const token = await request.post("/api/auth/oauth2/token", {
      form: {
        grant_type: "authorization_code",
        code: callback.searchParams.get("code")!,
        client_id: auth.clientId,
        redirect_uri: REDIRECT,
        code_verifier: auth.verifier,
        resource: new URL("/api/mcp", baseURL).href,
      },
    });
    expect(token.status()).toBe(200);
    const tokens = (await token.json()) as { access_token: string; scope: string };
    expect(tokens.access_token).toMatch(/^bmcp_at_/);
    expect(tokens.scope.split(" ")).not.toContain("workflows:run");

    await page.goto("/settings/connected-apps");
    const row = page.getByTestId("connected-app");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("E2E MCP client");
    await expect(row).toContainText(orgName);
    await expect(row).toContainText("tasks:write");
    await expect(row).not.toContainText("workflows:run");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByText("No connected apps")).toBeVisible();
  });

  test("deny sends the user back to the app with access_denied", async ({ page, request, baseURL }) => {
    await signUp(page, { name: "Bea OAuth", email: uniqueEmail("oauth-deny") });
    await createOrg(page, `Deny Org ${Date.now().toString(36)}`);
    const auth = await startAuthorization(request, baseURL!, "Denied client");
    await page.goto(auth.url);
    await expect(page.getByText("Connect Denied client")).toBeVisible();
    const callback = await answerAt(page, () => page.getByRole("button", { name: "Deny" }).click());
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("code")).toBeNull();
  });
});
