import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { positionGrantKey } from "../../services/mcp/tool-grants";
import { followTask, ZTaskOutcomeSchema } from "../task-view";
import { startMcpTask, zContextId, zMessage } from "./run-agent";
import { defineTool, type AnyTool } from "./tool";

/** MCP tool names: letters, digits, _ - . (and Bureau keeps them to 64 characters, as many clients require). */
const UNSAFE = /[^A-Za-z0-9_.-]/g;
const MAX_NAME = 64;
const ID_CHARS = 8;

/**
 * A hired position's tool name, `<department-slug>__<short id>`: the
 * department's slug (which never changes when it is renamed) and the last
 * characters of the position's id (random in a UUIDv7), so renaming the
 * position keeps the name. Moving it to another department names it there.
 */
export function positionToolName(departmentSlug: string, positionId: string): string {
  const id = positionId.replace(/-/g, "").slice(-ID_CHARS).toLowerCase();
  const department = departmentSlug.replace(UNSAFE, "-").slice(0, MAX_NAME - ID_CHARS - 2);
  return `${department}__${id}`;
}

/** The org's positions that take work: ACTIVE, in departments that are not archived. */
async function activePositions(orgId: string) {
  return db.position.findMany({
    where: { orgId, status: "ACTIVE", department: { archivedAt: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      department: { select: { slug: true, name: true } },
      agent: {
        select: {
          name: true,
          description: true,
          pricePerTask: true,
          skills: { orderBy: { position: "asc" }, select: { name: true, description: true, examples: true } },
        },
      },
    },
  });
}
type PositionRow = Awaited<ReturnType<typeof activePositions>>[number];

/** What the position can do, from its agent's skills (one line each, an example where the card gives one). */
function describePosition(row: PositionRow): string {
  const skills = row.agent.skills.map(
    (s) => `- ${s.name}: ${s.description}${s.examples[0] ? ` (e.g. "${s.examples[0]}")` : ""}`,
  );
  const text =
    `${row.title} in ${row.department.name}: ${row.agent.name}, ${row.agent.pricePerTask} credits a task. ` +
    `${row.agent.description}\nRuns as this position (its standing instructions and the department's budget and ` +
    `approval policy apply).${skills.length ? `\nSkills:\n${skills.join("\n")}` : ""}`;
  return text.length > 2_000 ? `${text.slice(0, 1_999)}…` : text;
}

export function positionTool(row: PositionRow): AnyTool {
  const input = z.object({ message: zMessage.meta({ description: "What you need done." }), contextId: zContextId });
  const target = { positionId: row.id };
  return defineTool({
    name: positionToolName(row.department.slug, row.id),
    grantKey: positionGrantKey(row.id),
    title: `${row.title} · ${row.department.name}`,
    description: describePosition(row),
    input,
    output: ZTaskOutcomeSchema,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    scopes: ["tasks:write"],
    startTask: async (args, ctx) => startMcpTask(target, args.message, args.contextId, ctx),
    call: async (args, ctx) => {
      const taskId = await startMcpTask(target, args.message, args.contextId, ctx);
      return followTask({ orgId: ctx.principal.orgId, taskId, signal: ctx.signal, progress: ctx.progress });
    },
  }) as unknown as AnyTool;
}

/** Every position of the org that takes work, as a tool of its own. */
export async function loadPositionTools(orgId: string): Promise<AnyTool[]> {
  return (await activePositions(orgId)).map(positionTool);
}
