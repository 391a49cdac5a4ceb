import "server-only";
import { db } from "../../db";
import { inReach, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";

export interface KnowledgeScopes {
  /** The member may add org-wide knowledge (not a viewer). */
  canWriteOrg: boolean;
  /** Owners and admins: every department, policies, every proposal. */
  isAdmin: boolean;
  /** The departments whose knowledge the member sees, and whether they may add to it. */
  departments: { id: string; name: string; slug: string; archived: boolean; canWrite: boolean }[];
}

/** What the knowledge pages offer the member: which scopes to filter by and write into. */
export async function knowledgeScopes(input: { orgId: string; actor: KnowledgeActor }): Promise<KnowledgeScopes> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const departments = await db.department.findMany({
    where: { orgId: input.orgId, ...(access.read === null ? {} : { id: { in: [...access.read] } }) },
    select: { id: true, name: true, slug: true, archivedAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return {
    canWriteOrg: access.canWrite,
    isAdmin: access.isAdmin,
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      slug: d.slug,
      archived: d.archivedAt !== null,
      canWrite: inReach(access, d.id, "write"),
    })),
  };
}
