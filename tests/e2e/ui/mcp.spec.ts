import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

/** Screenshots to look at: test-results/e2e/mcp/ (MCP_SHOTS_DIR elsewhere). */
const SHOTS = process.env.MCP_SHOTS_DIR ?? "test-results/e2e/mcp";
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Nothing wider than the viewport: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the connect page gives each client its configuration, for OAuth and for an API key", async ({
  page,
  baseURL,
}) => {
  await page.goto("/settings/mcp");
  await expect(page.getByRole("heading", { level: 1, name: "Connect an MCP client" })).toBeVisible();
  const url = `${baseURL}/api/mcp`;
  await expect(page.getByTestId("mcp-url")).toHaveText(url);

  // OAuth first: Claude Desktop adds Bureau as a custom connector by URL.
  await expect(page.getByRole("radio", { name: /Sign in with Bureau/ })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("mcp-config-claude-desktop")).toContainText(`Remote MCP server URL: ${url}`);
  await page.getByRole("tab", { name: "Claude Code" }).click();
  await expect(page.getByTestId("mcp-config-claude-code")).toHaveText(
    `claude mcp add --transport http bureau-acme ${url}`,
  );
  await shot(page, "connect-oauth");

  await page.getByRole("radio", { name: /Org API key/ }).click();
  await page.getByRole("tab", { name: "Cursor" }).click();
  const cursor = JSON.parse((await page.getByTestId("mcp-config-cursor").textContent()) ?? "{}");
  expect(cursor).toEqual({
    mcpServers: { "bureau-acme": { url, headers: { Authorization: "Bearer ${env:BUREAU_API_KEY}" } } },
  });
  await page.getByRole("tab", { name: "VS Code" }).click();
  await expect(page.getByTestId("mcp-config-vscode")).toContainText("${input:bureau-api-key}");
  await page.getByRole("tab", { name: "Any client" }).click();
  await expect(page.getByTestId("mcp-config-any")).toContainText("StreamableHTTPClientTransport");
  await expect(page.getByTestId("mcp-config-curl")).toContainText('"method":"initialize"');
  await shot(page, "connect-api-key");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("tab", { name: "Claude Desktop" }).click();
  await expect(page.getByTestId("mcp-config-claude-desktop")).toContainText("mcp-remote");
  await expectNoSidewaysScroll(page);
  await shot(page, "connect-390");
});

test("the playground runs run_agent as the member, with live progress, and shows its result", async ({ page }) => {
  await page.goto("/mcp/playground");
  await expect(page.getByRole("heading", { level: 1, name: "Tool playground" })).toBeVisible();
  const list = page.getByTestId("mcp-tool-list");
  // The owner's tools, as an MCP client of theirs sees them: Bureau's and the seeded company's positions.
  // Connecting is an MCP handshake (initialize, initialized, tools/list) from the browser.
  await expect(list.getByRole("button", { name: /Run an agent/ })).toBeVisible({ timeout: 30_000 });
  await expect(list.getByRole("button", { name: /Decide|Approve or reject/ })).toBeVisible();
  await expect(list.getByText(/__/).first()).toBeVisible();

  await list.getByRole("button", { name: /Run an agent/ }).click();
  await page.getByLabel(/^Agent/).fill("northwind-research-analyst");
  await page.getByLabel(/^Message/).fill("Heat pumps for small offices");
  await page.getByRole("button", { name: "Call tool" }).click();

  const progress = page.getByTestId("mcp-progress");
  // Live: the agent's steps arrive while the call still runs (Cancel is offered until it ends).
  await expect(progress).toContainText("1/4");
  await expect(page.getByRole("button", { name: "Cancel", exact: true })).toBeVisible();
  await shot(page, "playground-running");
  const result = page.getByTestId("mcp-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(progress).toContainText("4/4");
  await expect(result).toContainText("is COMPLETED");
  await expect(result.getByTestId("mcp-result-resource")).toContainText(/bureau:\/\/tasks\/[\w-]+\/artifacts\/0/);
  await result.getByText("Structured content").click();
  await expect(result.getByTestId("mcp-result-structured")).toContainText('"source": "MCP"');
  await shot(page, "playground-result");

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, "playground-390");
});

test("the tool access page and the agent page's MCP tab", async ({ page }) => {
  await page.goto("/settings/mcp/grants");
  await expect(page.getByRole("heading", { level: 1, name: "MCP tool access" })).toBeVisible();
  await page.getByTestId("mcp-grant-subject").selectOption({ label: "Viewers" });
  const runAgent = page.getByTestId("mcp-grant-row").filter({ hasText: "run_agent" });
  await expect(runAgent).toContainText("Default: out of its scopes");
  await expect(page.getByTestId("mcp-grant-row").filter({ hasText: "get_task" })).toContainText("Default: visible");
  await shot(page, "grants");

  await page.goto("/agents/northwind-research-analyst");
  await page.getByRole("tab", { name: "MCP" }).click();
  const snippet = page.getByTestId("snippet-mcp");
  await expect(snippet).toContainText('name: "run_agent"');
  await expect(snippet).toContainText('agent: "northwind-research-analyst"');
  await shot(page, "agent-mcp-tab");
});
