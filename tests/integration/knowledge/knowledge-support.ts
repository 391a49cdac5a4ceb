import { db } from "@/server/db";
import type { OrgRole } from "@/server/auth/roles";
import { sellerAgent } from "../../support/billing-fixtures";
import { addMember, callerFor, createUser, ownerWithOrg } from "../../support/factories";

/**
 * A company for knowledge tests: an owner, Marketing with a Content team
 * under it, Finance, and members: Mia leads Marketing, Cleo leads Content,
 * Fred leads Finance, Max is a member leading nothing, Vera a viewer, Ada an
 * admin. Each has a real tRPC caller.
 */
export async function knowledgeCompany(name = "Knowledge Co") {
  const owner = await ownerWithOrg(name);
  const orgId = owner.org.id;
  const c = owner.caller.company;
  const marketing = await c.createDepartment({ orgId, name: "Marketing" });
  const content = await c.createDepartment({ orgId, name: "Content", parentId: marketing.id });
  const finance = await c.createDepartment({ orgId, name: "Finance" });
  const person = async (label: string, role: OrgRole) => {
    const user = await createUser(label);
    await addMember(orgId, user.id, role);
    return { user, caller: await callerFor(user.email) };
  };
  const [mia, cleo, fred, max, vera, ada] = await Promise.all([
    person("Mia", "member"),
    person("Cleo", "member"),
    person("Fred", "member"),
    person("Max", "member"),
    person("Vera", "viewer"),
    person("Ada", "admin"),
  ]);
  await c.setLeads({ orgId, id: marketing.id, userIds: [mia.user.id] });
  await c.setLeads({ orgId, id: content.id, userIds: [cleo.user.id] });
  await c.setLeads({ orgId, id: finance.id, userIds: [fred.user.id] });
  return { orgId, owner, marketing, content, finance, mia, cleo, fred, max, vera, ada };
}

/**
 * A finished task of the org (as the task path leaves one: COMPLETED, its
 * artifacts stored), written directly: these tests are about what happens
 * to its output, not about running it.
 */
export async function completedTask(input: {
  orgId: string;
  departmentId?: string | null;
  artifacts?: { artifactId: string; name?: string; parts: unknown[] }[];
}) {
  const { agent } = await sellerAgent(10);
  const task = await db.task.create({
    data: {
      orgId: input.orgId,
      agentId: agent.id,
      price: 10,
      state: "COMPLETED",
      departmentId: input.departmentId ?? null,
      input: { text: "research" },
      contextId: crypto.randomUUID(),
      finishedAt: new Date(),
    },
    select: { id: true, agentId: true },
  });
  for (const artifact of input.artifacts ?? [])
    await db.artifact.create({
      data: {
        taskId: task.id,
        artifactId: artifact.artifactId,
        name: artifact.name ?? null,
        parts: artifact.parts as object[],
      },
    });
  return { ...task, agent };
}

/** Everything knowledge the org holds, for "nothing changed" checks. */
export async function knowledgeSnapshot(orgId: string) {
  const where = { where: { orgId } };
  return {
    entities: await db.knowledgeEntity.findMany({ ...where, orderBy: { id: "asc" } }),
    observations: await db.knowledgeObservation.findMany({ ...where, orderBy: { id: "asc" } }),
    relations: await db.knowledgeRelation.findMany({ ...where, orderBy: { id: "asc" } }),
    revisions: await db.knowledgeRevision.count(where),
    proposals: await db.knowledgeProposal.findMany({ ...where, orderBy: { id: "asc" } }),
    events: await db.event.count({ where: { orgId, type: { startsWith: "knowledge." } } }),
  };
}
