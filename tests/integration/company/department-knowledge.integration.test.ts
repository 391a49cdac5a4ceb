import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createEntity } from "@/server/services/knowledge/create-entity";
import { setKnowledgePolicy } from "@/server/services/knowledge/knowledge-policy";
import { startTask } from "@/server/services/tasks/start-task";
import { writeTask } from "@/server/services/tasks/write-task";
import { smallCompany } from "../../support/company-fixtures";
import { buyerWithCredits } from "../../support/task-fixtures";

/** The company's memory on its tasks: context attached to a department's tasks, knowledge agents return ingested. */
describe("knowledge on department tasks", () => {
  it("attaches the relevant observations to a task of a department that opted in, and none otherwise", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const actor = { kind: "user" as const, userId: buyer.user.id };
    await createEntity({
      orgId: buyer.org.id,
      actor,
      name: "Northwind Traders",
      type: "customer",
      observations: [{ text: "Northwind Traders renews its contract every March." }],
    });
    const run = (positionId: string) =>
      startTask({
        orgId: buyer.org.id,
        agent: { id: "" },
        positionId,
        message: {
          messageId: crypto.randomUUID(),
          role: "user",
          parts: [{ kind: "text", text: "When does Northwind Traders renew its contract?" }],
        },
        actor,
        source: "UI",
      });
    const before = await run(company.legal.position.id);
    const plain = (await db.task.findUniqueOrThrow({ where: { id: before.id } })).input as { parts: unknown[] };
    expect(plain.parts.some((p) => (p as { kind: string }).kind === "data")).toBe(false);

    await setKnowledgePolicy({
      orgId: buyer.org.id,
      actor,
      departmentId: company.legal.department.id,
      ingest: "AUTO",
      attachContext: true,
    });
    const after = await run(company.legal.position.id);
    const input = (await db.task.findUniqueOrThrow({ where: { id: after.id } })).input as {
      parts: { kind: string; data?: { type: string; observations: { text: string }[] } }[];
    };
    const context = input.parts.find((p) => p.kind === "data");
    expect(context?.data?.type).toBe("bureau/knowledge-context");
    expect(context?.data?.observations.map((o) => o.text)).toContain(
      "Northwind Traders renews its contract every March.",
    );
  });

  it("ingests a bureau/knowledge part an agent returns, with the task as its provenance", async () => {
    const buyer = await buyerWithCredits(1_000);
    const company = await smallCompany(buyer, 10);
    const actor = { kind: "user" as const, userId: buyer.user.id };
    await setKnowledgePolicy({
      orgId: buyer.org.id,
      actor,
      departmentId: company.finance.department.id,
      ingest: "AUTO",
      attachContext: false,
    });
    const task = await startTask({
      orgId: buyer.org.id,
      agent: { id: "" },
      positionId: company.finance.position.id,
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: "Q3 revenue?" }] },
      actor,
      source: "UI",
    });
    const part = {
      type: "bureau/knowledge",
      version: 1,
      entities: [
        { name: "Q3 2026", type: "period", observations: [{ text: "Revenue was 1.2 million.", confidence: 0.9 }] },
      ],
    };
    // What the agent's answer brings (an artifact with the part), as the runner writes it.
    await writeTask({
      taskId: task.id,
      artifacts: [{ artifact: { artifactId: "facts", parts: [{ kind: "data", data: part }] } }],
    });
    await expect
      .poll(() => db.knowledgeObservation.count({ where: { orgId: buyer.org.id, text: "Revenue was 1.2 million." } }), {
        timeout: 10_000,
      })
      .toBe(1);
    const observation = await db.knowledgeObservation.findFirstOrThrow({ where: { orgId: buyer.org.id } });
    expect(observation).toMatchObject({ taskId: task.id });
  });
});
