import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDepartment } from "@/server/services/company/departments/create-department";
import { serveFetchHandler } from "../../support/serve-fetch-handler";
import { buyerWithCredits } from "../../support/task-fixtures";
import { mcpKey } from "./mcp-support";

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../../../node_modules/@modelcontextprotocol/conformance/dist/index.js");

/**
 * The general server scenarios of @modelcontextprotocol/conformance, run by
 * its own CLI against /api/mcp over real HTTP. The scenarios left out each
 * need fixture tools, resources or prompts of the test suite's own
 * (`test_simple_text`, `test://static-text`, `test_prompt_with_arguments`, a
 * client answering sampling or elicitation, …), which a production server does
 * not carry: tools-call-*, resources-read-*, resources-templates-read,
 * resources-subscribe/unsubscribe (and Bureau's resources do not support
 * subscriptions), prompts-get-*, completion-complete (it completes the
 * fixture prompt), json-schema-2020-12 (a fixture tool's schema),
 * elicitation-sep1034-defaults, elicitation-sep1330-enums and
 * server-sse-polling (a fixture tool that closes its stream for resumption).
 */
const SCENARIOS = [
  "server-initialize",
  "ping",
  "logging-set-level",
  "tools-list",
  "resources-list",
  "prompts-list",
  "server-sse-multiple-streams",
  "dns-rebinding-protection",
];

// The CLI speaks MCP without credentials; this door of the test server adds
// an org API key to whatever it sends and passes everything else (its Host and
// Origin headers included) to the real handler unchanged.
let key = "";
let server: Awaited<ReturnType<typeof serveFetchHandler>> | undefined;

beforeAll(async () => {
  const buyer = await buyerWithCredits(100);
  await createDepartment({
    orgId: buyer.org.id,
    actor: { kind: "user", userId: buyer.user.id },
    name: "Research",
    mission: "Desk research",
  });
  key = (await mcpKey(buyer.org, buyer.user)).key;
  const { serveMcp } = await import("@/server/mcp/serve-mcp");
  server = await serveFetchHandler(
    async (request) => {
      if (new URL(request.url).pathname !== "/api/mcp") return new Response("not found", { status: 404 });
      const headers = new Headers(request.headers);
      headers.set("authorization", `Bearer ${key}`);
      return serveMcp(
        new Request(request.url, {
          method: request.method,
          headers,
          body: request.body,
          signal: request.signal,
          duplex: "half",
        } as RequestInit & { duplex: "half" }),
      );
    },
    Number(new URL(process.env.APP_URL!).port),
  );
});
afterAll(async () => server?.close());

interface Check {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED";
  errorMessage?: string;
}

async function checksOf(dir: string): Promise<Check[]> {
  const found: Check[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    if (path.basename(entry) === "checks.json")
      found.push(...(JSON.parse(await readFile(path.join(dir, entry), "utf8")) as Check[]));
  }
  return found;
}

describe("MCP conformance (@modelcontextprotocol/conformance)", () => {
  it.each(SCENARIOS)(
    "%s passes against /api/mcp",
    async (scenario) => {
      const out = await mkdtemp(path.join(tmpdir(), `bureau-mcp-conformance-${scenario}-`));
      const url = `${process.env.APP_URL}/api/mcp`;
      const result = await run(process.execPath, [CLI, "server", "--url", url, "--scenario", scenario, "-o", out], {
        timeout: 60_000,
      }).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
      const checks = await checksOf(out);
      expect(
        checks.length,
        `no checks written; CLI said: ${result.stdout ?? ""}${result.stderr ?? ""}`,
      ).toBeGreaterThan(0);
      const failed = checks.filter((c) => c.status !== "SUCCESS" && c.status !== "INFO");
      expect(failed).toEqual([]);
    },
    90_000,
  );
});
