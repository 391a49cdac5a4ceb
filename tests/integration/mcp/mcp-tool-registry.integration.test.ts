import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setDepartmentLeads } from "@/server/services/company/departments/set-department-leads";
import { hirePosition } from "@/server/services/company/positions/hire-position";
import { pausePosition } from "@/server/services/company/positions/set-position-status";
import { setToolGrant } from "@/server/services/mcp/tool-grants";
import { BUILTIN_TOOL_NAMES } from "@/server/mcp/tools/registry";
import { positionToolName } from "@/server/mcp/tools/positions";
import { smallCompany } from "../../support/company-fixtures";
import { useTaskRuntime } from "../../support/app-server";
import { addMember, createUser, signInHeaders } from "../../support/factories";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { ALL_OAUTH_SCOPES, bearer, connectMcp, mcpKey, mcpRoute, mcpUrl, mintAccessToken } from "./mcp-support";

useTaskRuntime([mcpRoute]);

const READ_ONLY = [
  "search_marketplace",
  "get_agent",
  "get_task",
  "list_tasks",
  "list_departments",
  "list_workflows",
  "get_workflow_run",
  "list_approvals",
  "credits_balance",
];

/** An org with a small company: its owner, a member, a viewer and a viewer leading Legal, with OAuth tokens. */
async function org() {
  const buyer = await buyerWithCredits(1_000);
  const company = await smallCompany(buyer, 10);
  const people = {
    owner: buyer.user,
    member: await createUser("Member"),
    viewer: await createUser("Viewer"),
    lead: await createUser("Lead"),
  };
  await addMember(buyer.org.id, people.member.id, "member");
  await addMember(buyer.org.id, people.viewer.id, "viewer");
  await addMember(buyer.org.id, people.lead.id, "viewer");
  await setDepartmentLeads({
    orgId: buyer.org.id,
    actor: { kind: "user", userId: buyer.user.id },
    departmentId: company.legal.department.id,
    userIds: [buyer.user.id, people.lead.id],
  });
  const token = async (userId: string) =>
    (await mintAccessToken({ userId, orgId: buyer.org.id, scopes: ALL_OAUTH_SCOPES })).token;
  const positionTools = [company.finance, company.marketing, company.legal].map((h) =>
    positionToolName(h.department.slug, h.position.id),
  );
  return { buyer, company, people, token, positionTools };
}

async function toolNames(headers: Record<string, string>) {
  const { client, close } = await connectMcp(headers);
  try {
    return (await client.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await close();
  }
}

const sorted = (names: readonly string[]) => [...names].sort();

describe("the org's tool registry", () => {
  it("lists per role: owners and members everything their scopes allow, viewers the read-only tools", async () => {
    const { people, token, positionTools } = await org();
    const everything = sorted([...BUILTIN_TOOL_NAMES, ...positionTools]);
    expect(await toolNames(bearer(await token(people.owner.id)))).toEqual(everything);
    expect(await toolNames(bearer(await token(people.member.id)))).toEqual(everything);
    expect(await toolNames(bearer(await token(people.viewer.id)))).toEqual(sorted(READ_ONLY));
  });

  it("lists per API key: only the tools its scopes reach", async () => {
    const { buyer, positionTools } = await org();
    const reader = await mcpKey(buyer.org, buyer.user, ["mcp:use", "agents:read"]);
    expect(await toolNames(bearer(reader.key))).toEqual(["get_agent", "search_marketplace"]);
    const runner = await mcpKey(buyer.org, buyer.user, ["mcp:use", "tasks:write", "tasks:read"]);
    expect(await toolNames(bearer(runner.key))).toEqual(
      sorted([
        "run_agent",
        "get_task",
        "list_tasks",
        "cancel_task",
        "reply_to_task",
        "ask_department",
        "credits_balance",
        ...positionTools,
      ]),
    );
  });

  it("applies grants: a hidden tool is neither listed nor callable, an allowed one is, and a hide wins", async () => {
    const { buyer, company, people, token, positionTools } = await org();
    const grant = (
      subject: { type: "ROLE" | "DEPARTMENT" | "API_KEY"; id: string },
      tool: string,
      effect: "ALLOW" | "HIDE" | null,
    ) =>
      setToolGrant({ orgId: buyer.org.id, userId: buyer.user.id, subject, tool, effect, builtins: BUILTIN_TOOL_NAMES });

    await grant({ type: "ROLE", id: "member" }, "run_agent", "HIDE");
    const member = await connectMcp(bearer(await token(people.member.id)));
    try {
      expect((await member.client.listTools()).tools.map((t) => t.name)).not.toContain("run_agent");
      const unknown = await member.client.callTool({ name: "made_up", arguments: {} }).then(
        () => "answered",
        (e: Error) => e.message,
      );
      const hidden = await member.client.callTool({ name: "run_agent", arguments: { agent: "x", message: "y" } }).then(
        () => "answered",
        (e: Error) => e.message,
      );
      expect(hidden).toBe(unknown.replace("made_up", "run_agent"));
      expect(await db.task.count({ where: { orgId: buyer.org.id, source: "MCP" } })).toBe(0);
    } finally {
      await member.close();
    }
    expect(await toolNames(bearer(await token(people.owner.id)))).toContain("run_agent");

    // Legal's leads may decide approvals even as viewers; other viewers still see read-only tools only.
    await grant({ type: "DEPARTMENT", id: company.legal.department.id }, "decide_approval", "ALLOW");
    expect(await toolNames(bearer(await token(people.lead.id)))).toEqual(sorted([...READ_ONLY, "decide_approval"]));
    expect(await toolNames(bearer(await token(people.viewer.id)))).toEqual(sorted(READ_ONLY));
    await grant({ type: "ROLE", id: "viewer" }, "decide_approval", "HIDE");
    expect(await toolNames(bearer(await token(people.lead.id)))).toEqual(sorted(READ_ONLY));

    // A key's own grant: Finance's position hidden from this key only.
    const [financeTool] = positionTools;
    const hiddenFrom = await mcpKey(buyer.org, buyer.user);
    const other = await mcpKey(buyer.org, buyer.user);
    await grant({ type: "API_KEY", id: hiddenFrom.id }, `position:${company.finance.position.id}`, "HIDE");
    expect(await toolNames(bearer(hiddenFrom.key))).not.toContain(financeTool);
    expect(await toolNames(bearer(other.key))).toContain(financeTool);

    // Bad input changes nothing.
    await expect(grant({ type: "ROLE", id: "member" }, "no_such_tool", "HIDE")).rejects.toThrow(
      /not one of Bureau's MCP tools/,
    );
    await expect(grant({ type: "ROLE", id: "superuser" }, "run_agent", "HIDE")).rejects.toThrow(/No such role/);
    await expect(
      setToolGrant({
        orgId: buyer.org.id,
        userId: people.member.id,
        subject: { type: "ROLE", id: "viewer" },
        tool: "get_task",
        effect: "HIDE",
        builtins: BUILTIN_TOOL_NAMES,
      }),
    ).rejects.toThrow(/Only owners and admins/);
    expect(await db.mcpToolGrant.count({ where: { orgId: buyer.org.id } })).toBe(4);
  });

  it("runs a position's own tool as that position: its department, its standing instructions", async () => {
    const { buyer, company, token } = await org();
    await db.position.update({
      where: { id: company.finance.position.id },
      data: { instructions: "Report in euros." },
    });
    const { client, close } = await connectMcp(bearer(await token(buyer.user.id)));
    try {
      const tool = (await client.listTools()).tools.find(
        (t) => t.name === positionToolName(company.finance.department.slug, company.finance.position.id),
      )!;
      expect(tool.title).toBe("Financial Analyst · Finance");
      expect(tool.description).toMatch(/Skills:/);
      expect(tool.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, openWorldHint: true });
      expect(tool.execution).toEqual({ taskSupport: "optional" });
      const result = await client.callTool({ name: tool.name, arguments: { message: "Analyse 4, 8, 15, 16" } });
      const outcome = result.structuredContent as { taskId: string; state: string; position: { title: string } };
      expect(outcome).toMatchObject({ state: "COMPLETED", position: { title: "Financial Analyst" } });
      const task = await db.task.findUniqueOrThrow({ where: { id: outcome.taskId } });
      expect(task).toMatchObject({
        source: "MCP",
        positionId: company.finance.position.id,
        departmentId: company.finance.department.id,
        createdById: buyer.user.id,
      });
      expect((task.input as { parts: { text: string }[] }).parts.map((p) => p.text)).toEqual([
        "Analyse 4, 8, 15, 16",
        "Standing instructions (Financial Analyst): Report in euros.",
      ]);
    } finally {
      await close();
    }
  });

  it("serves Bureau's own pages with the browser session, on the same origin only", async () => {
    const { buyer, token } = await org();
    const cookie = (await signInHeaders(buyer.user.email)).get("cookie")!;
    const session = { cookie, "sec-fetch-site": "same-origin", "x-bureau-org": buyer.org.id };
    expect(await toolNames(session)).toEqual(await toolNames(bearer(await token(buyer.user.id))));
    const crossSite = await fetch(mcpUrl(), {
      method: "POST",
      headers: { ...session, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(401);
    const stranger = await buyerWithCredits(0);
    const foreignOrg = await fetch(mcpUrl(), {
      method: "POST",
      headers: { ...session, "x-bureau-org": stranger.org.id },
    });
    expect(foreignOrg.status).toBe(401);
  });

  it("sends tools/list_changed on the session's stream when hiring changes the list", async () => {
    const { buyer, company } = await org();
    const { key } = await mcpKey(buyer.org, buyer.user);
    let streamOpen!: () => void;
    const opened = new Promise<void>((resolve) => (streamOpen = resolve));
    const fetchSpy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "GET" && response.ok) streamOpen();
      return response;
    };
    const client = new Client({ name: "list-changed-test", version: "1.0.0" });
    const changes: number[] = [];
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void changes.push(Date.now()));
    await client.connect(
      new StreamableHTTPClientTransport(mcpUrl(), { requestInit: { headers: bearer(key) }, fetch: fetchSpy }),
    );
    try {
      await opened;
      const before = (await client.listTools()).tools.map((t) => t.name);
      const { agent } = await publishDemoAgent("northwind-copy-editor", 10);
      const hired = await hirePosition({
        orgId: buyer.org.id,
        actor: { kind: "user", userId: buyer.user.id },
        departmentId: company.marketing.department.id,
        agent: { id: agent.id },
        title: "Copy Editor",
      });
      await expect.poll(() => changes.length, { timeout: 15_000 }).toBe(1);
      const added = positionToolName(company.marketing.department.slug, hired.id);
      const after = (await client.listTools()).tools.map((t) => t.name);
      expect(after).toEqual([...before, added]);

      await pausePosition({
        orgId: buyer.org.id,
        actor: { kind: "user", userId: buyer.user.id },
        positionId: hired.id,
      });
      await expect.poll(() => changes.length, { timeout: 15_000 }).toBe(2);
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(before);
    } finally {
      await client.close();
    }
  });
});
