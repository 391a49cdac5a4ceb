import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { curlSnippet, pythonSnippet } from "@/components/agents/call-snippets";
import { db } from "@/server/db";
import { gatewayUrls } from "@/server/services/registry/gateway-urls";
import { useTaskRuntime } from "../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../support/task-fixtures";

const run = promisify(execFile);
useTaskRuntime();

/**
 * The snippets on an agent's page, copied as they are and run as a buyer
 * would (python3, a shell with curl) against the gateway over real HTTP.
 */
describe("agent page call snippets", () => {
  // A quote and a backslash, which each language must escape in its own way.
  const example = `Summarise "Q3" revenue by region \\ channel, it's urgent`;

  it.each([
    ["python3", (url: string) => pythonSnippet(url, example), "call_agent.py"],
    ["sh", (url: string) => curlSnippet(url, example), "call_agent.sh"],
  ] as const)(
    "the %s snippet starts a real task with the example's text",
    async (program, snippet, file) => {
      const { agent } = await publishDemoAgent("northwind-data-analyst");
      const buyer = await buyerWithCredits();
      const dir = await mkdtemp(path.join(tmpdir(), "bureau-snippet-"));
      await writeFile(path.join(dir, file), snippet(gatewayUrls(agent.slug).jsonRpc));
      const { stdout } = await run(program, [path.join(dir, file)], {
        env: { ...process.env, BUREAU_API_KEY: buyer.apiKey },
        timeout: 60_000,
      });
      const reply = JSON.parse(stdout) as { result?: { task?: { id: string } }; error?: unknown };
      expect(reply.error).toBeUndefined();
      expect(reply.result?.task?.id).toEqual(expect.any(String));
      const task = await db.task.findFirstOrThrow({ where: { agentId: agent.id, orgId: buyer.org.id } });
      // The text arrived exactly as typed: quote, backslash and apostrophe included.
      expect(JSON.stringify(task.input)).toContain(JSON.stringify(example).slice(1, -1));
    },
    90_000,
  );
});
