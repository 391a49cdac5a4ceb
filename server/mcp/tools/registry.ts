import "server-only";
import { createHash } from "node:crypto";
import { resolveVisibility, type GrantHolder } from "../../services/mcp/grant-rules";
import { departmentsLedBy, grantsForHolder } from "../../services/mcp/tool-grants";
import { hasAnyScope, type McpPrincipal } from "../principal";
import { listApprovalsTool, decideApprovalTool } from "./approvals";
import { askDepartmentTool, listDepartments } from "./company";
import { creditsBalance } from "./credits";
import { getAgent, searchMarketplace } from "./marketplace";
import { loadPositionTools } from "./positions";
import { runAgent } from "./run-agent";
import { cancelTask, getTask, listTasks, replyToTaskTool } from "./tasks";
import type { AnyTool } from "./tool";
import { getWorkflowRunTool, listWorkflowsTool, runWorkflowTool } from "./workflows";

const asAny = (tool: object) => tool as AnyTool;

/** Bureau's own tools, in the order tools/list gives them (the org's positions follow). */
export const BUILTIN_TOOLS: readonly AnyTool[] = [
  searchMarketplace,
  getAgent,
  runAgent,
  getTask,
  listTasks,
  cancelTask,
  replyToTaskTool,
  listDepartments,
  askDepartmentTool,
  listWorkflowsTool,
  runWorkflowTool,
  getWorkflowRunTool,
  listApprovalsTool,
  decideApprovalTool,
  creditsBalance,
].map(asAny);

export const BUILTIN_TOOL_NAMES: readonly string[] = BUILTIN_TOOLS.map((t) => t.name);

/** The principal as grants see it: its key, or its role and the departments it leads. */
export async function grantHolderOf(principal: McpPrincipal): Promise<GrantHolder> {
  return principal.kind === "apiKey"
    ? { kind: "apiKey", keyId: principal.keyId }
    : { kind: "user", role: principal.role, departmentIds: await departmentsLedBy(principal.orgId, principal.userId) };
}

/**
 * The tools this caller may see and call, by name: Bureau's own and the
 * org's active positions, each kept when the caller has one of its scopes and
 * the org's grants (or their default) leave it visible. A tool not in here is
 * neither listed nor callable.
 */
export async function toolsFor(principal: McpPrincipal): Promise<Map<string, AnyTool>> {
  const holder = await grantHolderOf(principal);
  const [grants, positions] = await Promise.all([
    grantsForHolder(principal.orgId, holder),
    hasAnyScope(principal, ["tasks:write"]) ? loadPositionTools(principal.orgId) : Promise.resolve([]),
  ]);
  const visible = [...BUILTIN_TOOLS, ...positions].filter(
    (tool) =>
      hasAnyScope(principal, tool.scopes) &&
      resolveVisibility(holder, { key: tool.grantKey, readOnly: tool.annotations.readOnlyHint }, grants).visible,
  );
  return new Map(visible.map((tool) => [tool.name, tool]));
}

/** Changes whenever what tools/list shows changes (names, titles, descriptions): list_changed is sent on a change. */
export function toolsFingerprint(tools: Map<string, AnyTool>): string {
  const hash = createHash("sha256");
  for (const tool of tools.values()) hash.update(`${tool.name}\n${tool.title}\n${tool.description}\n\n`);
  return hash.digest("base64url");
}

/** Every tool of the org, as the grants page lists them (built-ins, then the active positions). */
export async function toolCatalogue(orgId: string) {
  const positions = await loadPositionTools(orgId);
  return [...BUILTIN_TOOLS, ...positions].map((tool) => ({
    key: tool.grantKey,
    name: tool.name,
    title: tool.title,
    readOnly: tool.annotations.readOnlyHint,
    scopes: [...tool.scopes],
    position: tool.grantKey !== tool.name,
  }));
}
