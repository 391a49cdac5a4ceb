import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { smallCompany } from "../../support/company-fixtures";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { agentGraph, publishedWorkflow } from "../workflows/workflow-fixtures";
import { bearer, connectMcp, mcpKey, mcpRoute } from "./mcp-support";

useTaskRuntime([mcpRoute]);

const textOf = (contents: object[]) =>
  JSON.parse(String((contents[0] as { text?: unknown }).text)) as Record<string, unknown>;

describe("resources, prompts and workflow tools", () => {
  it("serves departments and workflows as resources, completes slugs, keeps another org out", async () => {
    const buyer = await buyerWithCredits(100);
    const company = await smallCompany(buyer, 10);
    const { agent } = await publishDemoAgent("northwind-data-analyst", 2);
    const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, agentGraph(agent.slug), "Weekly numbers");
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { client, close } = await connectMcp(bearer(key));
    const stranger = await buyerWithCredits(0);
    const intruder = await connectMcp(bearer((await mcpKey(stranger.org, stranger.user)).key));
    try {
      const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
      expect(templates.sort()).toEqual([
        "bureau://departments/{slug}",
        "bureau://tasks/{taskId}/artifacts/{index}",
        "bureau://workflows/{id}",
      ]);
      const listed = (await client.listResources()).resources.map((r) => r.uri);
      expect(listed).toEqual(
        expect.arrayContaining([
          "bureau://departments/finance",
          "bureau://departments/legal",
          `bureau://workflows/${workflow.id}`,
        ]),
      );
      const legal = textOf((await client.readResource({ uri: "bureau://departments/legal" })).contents);
      expect(legal).toMatchObject({ name: "Legal", approvalPolicy: "EVERY" });
      expect(legal.positions).toEqual([
        expect.objectContaining({ id: company.legal.position.id, title: "Legal Counsel", status: "ACTIVE" }),
      ]);
      const definition = textOf((await client.readResource({ uri: `bureau://workflows/${workflow.id}` })).contents);
      expect(definition).toMatchObject({ name: "Weekly numbers", latestVersion: 1 });
      expect(JSON.stringify(definition.draftGraph)).toContain(agent.slug);

      const completion = await client.complete({
        ref: { type: "ref/resource", uri: "bureau://departments/{slug}" },
        argument: { name: "slug", value: "fi" },
      });
      expect(completion.completion.values).toEqual(["finance"]);

      await expect(intruder.client.readResource({ uri: "bureau://departments/legal" })).rejects.toThrow(/not found/i);
      await expect(intruder.client.readResource({ uri: `bureau://workflows/${workflow.id}` })).rejects.toThrow(
        /not found/i,
      );
      expect((await intruder.client.listResources()).resources).toEqual([]);
    } finally {
      await close();
      await intruder.close();
    }
  });

  it("runs a published workflow with run_workflow and follows it with get_workflow_run", async () => {
    const buyer = await buyerWithCredits(100);
    const { agent } = await publishDemoAgent("northwind-data-analyst", 3);
    const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, agentGraph(agent.slug), "Summaries");
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { client, close } = await connectMcp(bearer(key));
    try {
      const listed = await client.callTool({ name: "list_workflows", arguments: {} }, CallToolResultSchema);
      expect(listed.structuredContent).toMatchObject({ workflows: [{ id: workflow.id, latestVersion: 1 }] });
      const started = await client.callTool(
        { name: "run_workflow", arguments: { workflowId: workflow.id, input: { topic: "tidal power" } } },
        CallToolResultSchema,
      );
      const { runId } = started.structuredContent as { runId: string };
      expect(started.structuredContent).toMatchObject({ workflowId: workflow.id, versionNumber: 1, created: true });
      await expect
        .poll(
          async () => {
            const run = await client.callTool({ name: "get_workflow_run", arguments: { runId } }, CallToolResultSchema);
            return (run.structuredContent as { state: string }).state;
          },
          { timeout: 30_000, interval: 300 },
        )
        .toBe("SUCCEEDED");
      const run = await client.callTool({ name: "get_workflow_run", arguments: { runId } }, CallToolResultSchema);
      expect(run.structuredContent).toMatchObject({
        steps: expect.arrayContaining([
          expect.objectContaining({ nodeId: "research", state: "SUCCEEDED", costCredits: 3 }),
        ]),
      });
      const step = await db.workflowStepRun.findFirstOrThrow({ where: { runId, nodeId: "research" } });
      expect((await db.task.findUniqueOrThrow({ where: { id: step.taskId! } })).source).toBe("WORKFLOW");
    } finally {
      await close();
    }
  }, 60_000);

  it("gives the prompts for the common asks, with the org's own staff and a task's artifacts in them", async () => {
    const buyer = await buyerWithCredits(100);
    await smallCompany(buyer, 10);
    const { agent } = await publishDemoAgent("northwind-data-analyst", 2);
    const { key } = await mcpKey(buyer.org, buyer.user);
    const { client, close } = await connectMcp(bearer(key));
    try {
      expect((await client.listPrompts()).prompts.map((p) => p.name).sort()).toEqual([
        "ask_the_company",
        "plan_a_workflow",
        "summarise_task",
      ]);
      const ask = await client.getPrompt({ name: "ask_the_company", arguments: { request: "Close the books" } });
      expect(JSON.stringify(ask.messages)).toContain("ask_department");
      expect(JSON.stringify(ask.messages)).toContain("Financial Analyst");
      const plan = await client.getPrompt({ name: "plan_a_workflow", arguments: { goal: "A monthly board pack" } });
      expect(JSON.stringify(plan.messages)).toMatch(/Legal Counsel.*tool legal__/);

      const ran = await client.callTool(
        { name: "run_agent", arguments: { agent: agent.slug, message: "Analyse 1, 2, 3" } },
        CallToolResultSchema,
      );
      const taskId = (ran.structuredContent as { taskId: string }).taskId;
      const summary = await client.getPrompt({ name: "summarise_task", arguments: { taskId } });
      expect(summary.messages[0]).toMatchObject({
        content: { type: "resource", resource: { uri: `bureau://tasks/${taskId}/artifacts/0` } },
      });
      expect(JSON.stringify(summary.messages.at(-1))).toContain("Summarise them for a busy reader");
      await expect(
        client.getPrompt({ name: "summarise_task", arguments: { taskId: crypto.randomUUID() } }),
      ).rejects.toThrow(/No task of this organization/);
    } finally {
      await close();
    }
  });
});
