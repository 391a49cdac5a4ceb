import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { curlInitializeSnippet, mcpClientConfigs, sdkClientSnippet } from "@/components/mcp/mcp-config";
import { mcpUrlFor, runAgentSnippet } from "@/components/mcp/mcp-snippets";
import { db } from "@/server/db";
import { gatewayUrls } from "@/server/services/registry/gateway-urls";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { mcpKey, mcpRoute } from "./mcp-support";

const run = promisify(execFile);
useTaskRuntime([mcpRoute]);

// Inside the repository, so `import "@modelcontextprotocol/sdk/…"` resolves as in a project that installed it.
const scratch = path.resolve(import.meta.dirname, "../../../node_modules/.cache/bureau-mcp-snippets");
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function runFile(name: string, code: string, program: string, key: string) {
  await mkdir(scratch, { recursive: true });
  const dir = await mkdtemp(path.join(scratch, "run-"));
  await writeFile(path.join(dir, name), code);
  return run(program, [path.join(dir, name)], { env: { ...process.env, BUREAU_API_KEY: key }, timeout: 60_000 });
}

/** The snippets the connect page and the agent page show, run as a user would run them. */
describe("MCP snippets", () => {
  it("the agent page's MCP tab runs the listing with run_agent and prints its outcome", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const buyer = await buyerWithCredits(50);
    const { key } = await mcpKey(buyer.org, buyer.user);
    const example = `Analyse "Q3" signups: 120, 134 \\ 98, it's urgent`;
    const snippet = runAgentSnippet(mcpUrlFor(gatewayUrls(agent.slug).jsonRpc), agent.slug, example);
    const { stdout } = await runFile("run-agent.mjs", snippet, process.execPath, key);
    const outcome = JSON.parse(stdout) as { taskId: string; state: string };
    expect(outcome.state).toBe("COMPLETED");
    const task = await db.task.findUniqueOrThrow({ where: { id: outcome.taskId } });
    expect(task).toMatchObject({ source: "MCP", agentId: agent.id, orgId: buyer.org.id });
    expect(JSON.stringify(task.input)).toContain(JSON.stringify(example).slice(1, -1));
  }, 90_000);

  it("the connect page's SDK client lists the key's tools, and its curl initializes", async () => {
    const buyer = await buyerWithCredits(0);
    const { key } = await mcpKey(buyer.org, buyer.user, ["mcp:use", "agents:read"]);
    const url = `${process.env.APP_URL}/api/mcp`;
    const configs = mcpClientConfigs({ url, orgSlug: buyer.org.slug, auth: "apiKey" });
    expect(configs.find((c) => c.id === "any")!.code).toBe(sdkClientSnippet(url));
    const listed = await runFile("list-tools.mjs", sdkClientSnippet(url), process.execPath, key);
    expect(listed.stdout.trim().split("\n")).toEqual([
      "search_marketplace: Search the marketplace",
      "get_agent: Get an agent",
    ]);
    const curl = await runFile("initialize.sh", curlInitializeSnippet(url), "sh", key);
    expect(curl.stdout).toContain('"protocolVersion":"2025-11-25"');
    expect(curl.stdout).toContain('"name":"bureau"');
  }, 90_000);

  it("names every client's entry after the org and points it at the one MCP URL", () => {
    const url = "https://bureau.example/api/mcp";
    for (const auth of ["oauth", "apiKey"] as const) {
      const configs = mcpClientConfigs({ url, orgSlug: "acme", auth });
      expect(configs.map((c) => c.label)).toEqual(["Claude Desktop", "Claude Code", "Cursor", "VS Code", "Any client"]);
      for (const config of configs) expect(config.code).toContain(url);
      for (const config of configs.filter((c) => c.id !== "any")) expect(config.code).toContain("bureau-acme");
    }
    const cursor = mcpClientConfigs({ url, orgSlug: "acme", auth: "apiKey" }).find((c) => c.id === "cursor")!;
    expect(JSON.parse(cursor.code)).toEqual({
      mcpServers: { "bureau-acme": { url, headers: { Authorization: "Bearer ${env:BUREAU_API_KEY}" } } },
    });
    const vscode = mcpClientConfigs({ url, orgSlug: "acme", auth: "oauth" }).find((c) => c.id === "vscode")!;
    expect(JSON.parse(vscode.code)).toEqual({ servers: { "bureau-acme": { type: "http", url } } });
  });
});
