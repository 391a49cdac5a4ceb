import { createDepartment } from "@/server/services/company/departments/create-department";
import { updateDepartment } from "@/server/services/company/departments/update-department";
import { setDepartmentLeads } from "@/server/services/company/departments/set-department-leads";
import { hirePosition } from "@/server/services/company/positions/hire-position";
import { db } from "@/server/db";
import { findDemoAgent } from "@/server/demo-agents/catalog";
import { publishDemoAgent } from "./task-fixtures";

/** A demo agent listed with its skills (as publishing a card records them), for the manager to match. */
async function publishWithSkills(demo: string, price: number) {
  const published = await publishDemoAgent(demo, price);
  const spec = findDemoAgent(demo)!;
  await db.agentSkill.createMany({
    data: spec.skills.map((skill, position) => ({
      agentId: published.agent.id,
      skillId: skill.id,
      position,
      name: skill.name,
      description: skill.description,
      tags: skill.tags,
      examples: skill.examples,
      inputModes: skill.inputModes ?? [],
      outputModes: skill.outputModes ?? [],
    })),
  });
  return published;
}

type Buyer = { org: { id: string }; user: { id: string } };

/**
 * A small company in the buyer's org, staffed with demo agents served at
 * APP_URL (each published by its own seller at `price`): Finance (a data
 * analyst), Marketing (a blog writer), Legal (a contract checker; every task
 * needs its lead, the buyer), through the same services the UI uses.
 */
export async function smallCompany(buyer: Buyer, price = 10) {
  const actor = { kind: "user" as const, userId: buyer.user.id };
  const hire = async (name: string, mission: string, demo: string, title: string) => {
    const department = await createDepartment({ orgId: buyer.org.id, actor, name, mission });
    const { agent } = await publishWithSkills(demo, price);
    const position = await hirePosition({
      orgId: buyer.org.id,
      actor,
      departmentId: department.id,
      agent: { id: agent.id },
      title,
    });
    return { department, agent, position };
  };
  const finance = await hire(
    "Finance",
    "Numbers, reporting and forecasts",
    "northwind-data-analyst",
    "Financial Analyst",
  );
  const marketing = await hire(
    "Marketing",
    "Launches, content and campaigns",
    "northwind-blog-writer",
    "Content Writer",
  );
  const legal = await hire("Legal", "Contracts and legal risk", "northwind-contract-checker", "Legal Counsel");
  await updateDepartment({ orgId: buyer.org.id, actor, departmentId: legal.department.id, approvalPolicy: "EVERY" });
  await setDepartmentLeads({ orgId: buyer.org.id, actor, departmentId: legal.department.id, userIds: [buyer.user.id] });
  return { finance, marketing, legal };
}
