import "server-only";
import { hasRole, isOrgRole } from "../../auth/roles";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { GrantEffect, GrantHolder, GrantSubjectType, ToolGrant } from "./grant-rules";

const GRANT_SELECT = { subjectType: true, subjectId: true, tool: true, effect: true } as const;

/** A hired position's tool as grants name it: kept when the position moves or is renamed. */
export const positionGrantKey = (positionId: string) => `position:${positionId}`;
const POSITION_KEY = /^position:([0-9a-f-]{36})$/;
/** A built-in tool's name (what grants of built-in tools store). */
const BUILTIN_KEY = /^[a-z][a-z_]{1,63}$/;

/** The ids of the (unarchived) departments of the org that the user leads. */
export async function departmentsLedBy(orgId: string, userId: string): Promise<string[]> {
  const rows = await db.departmentLead.findMany({
    where: { userId, department: { orgId, archivedAt: null } },
    select: { departmentId: true },
  });
  return rows.map((r) => r.departmentId);
}

/** The grants that can speak about this holder (a key's own; a member's role and led departments). */
export async function grantsForHolder(orgId: string, holder: GrantHolder): Promise<ToolGrant[]> {
  const subjects =
    holder.kind === "apiKey"
      ? [{ subjectType: "API_KEY" as const, subjectId: holder.keyId }]
      : [
          { subjectType: "ROLE" as const, subjectId: holder.role },
          ...(holder.departmentIds.length
            ? [{ subjectType: "DEPARTMENT" as const, subjectId: { in: [...holder.departmentIds] } }]
            : []),
        ];
  return db.mcpToolGrant.findMany({ where: { orgId, OR: subjects }, select: GRANT_SELECT });
}

async function assertAdmin(orgId: string, userId: string): Promise<void> {
  const member = await db.member.findFirst({ where: { organizationId: orgId, userId }, select: { role: true } });
  if (!member) throw new DomainError("not_found", "Organization not found.");
  if (!hasRole(member.role, "admin"))
    throw new DomainError("forbidden", "Only owners and admins choose which MCP tools people and keys see.");
}

/** Every grant of the org (for its admins' page). */
export async function listToolGrants(input: { orgId: string; userId: string }): Promise<ToolGrant[]> {
  await assertAdmin(input.orgId, input.userId);
  return db.mcpToolGrant.findMany({
    where: { orgId: input.orgId },
    orderBy: [{ subjectType: "asc" }, { subjectId: "asc" }, { tool: "asc" }],
    select: GRANT_SELECT,
  });
}

/** The subject exists in this org: a role, an unarchived department, one of its API keys. */
async function assertSubject(orgId: string, type: GrantSubjectType, id: string): Promise<void> {
  const found =
    type === "ROLE"
      ? isOrgRole(id)
      : type === "DEPARTMENT"
        ? (await db.department.count({ where: { id, orgId, archivedAt: null } })) > 0
        : (await db.apikey.count({ where: { id, referenceId: orgId } })) > 0;
  if (!found) {
    const what = type === "ROLE" ? "role" : type === "DEPARTMENT" ? "department" : "API key";
    throw new DomainError("not_found", `No such ${what} in this organization.`);
  }
}

/** A built-in tool's name from `builtins`, or a position of this org. */
async function assertTool(orgId: string, tool: string, builtins: readonly string[]): Promise<void> {
  const position = POSITION_KEY.exec(tool);
  if (position) {
    if ((await db.position.count({ where: { id: position[1], orgId } })) > 0) return;
    throw new DomainError("not_found", "No such position in this organization.");
  }
  if (!BUILTIN_KEY.test(tool) || !builtins.includes(tool))
    throw new DomainError("invalid_input", `"${tool.slice(0, 80)}" is not one of Bureau's MCP tools.`);
}

/**
 * Sets (ALLOW or HIDE) or clears (null) one tool's grant for one subject.
 * Owners and admins only; the subject and the tool must be the org's. The
 * change and its audit row commit together. `builtins` is the list of
 * built-in tool names the MCP door serves.
 */
export async function setToolGrant(input: {
  orgId: string;
  userId: string;
  subject: { type: GrantSubjectType; id: string };
  tool: string;
  effect: GrantEffect | null;
  builtins: readonly string[];
}): Promise<{ changed: boolean }> {
  await assertAdmin(input.orgId, input.userId);
  await assertSubject(input.orgId, input.subject.type, input.subject.id);
  await assertTool(input.orgId, input.tool, input.builtins);
  const key = {
    orgId_subjectType_subjectId_tool: {
      orgId: input.orgId,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      tool: input.tool,
    },
  };
  return db.$transaction(async (tx) => {
    const before = await tx.mcpToolGrant.findUnique({ where: key, select: { effect: true } });
    if ((before?.effect ?? null) === input.effect) return { changed: false };
    if (input.effect === null) await tx.mcpToolGrant.deleteMany({ where: key.orgId_subjectType_subjectId_tool });
    else
      await tx.mcpToolGrant.upsert({
        where: key,
        create: { ...key.orgId_subjectType_subjectId_tool, effect: input.effect, createdById: input.userId },
        update: { effect: input.effect },
      });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: input.effect === null ? "mcp.grant_cleared" : "mcp.grant_set",
      target: input.tool,
      data: {
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        tool: input.tool,
        from: before?.effect ?? null,
        to: input.effect,
      },
    });
    return { changed: true };
  });
}
