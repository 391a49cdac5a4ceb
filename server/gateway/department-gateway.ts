import "server-only";
import { db } from "../db";
import { appUrl } from "../env";
import { companyUrl, departmentUrl } from "../a2a/urls";
import { jsonRpcError } from "../a2a/json-rpc-endpoint";
import { parsePathParam, zSlug } from "../schemas/primitives";
import { MANAGER_AGENT_ID } from "../services/company/requests/manager-agent";
import { BUREAU_RPC_ERRORS, HTTP_STATUS_OF } from "./errors";
import { gatewayAgentCard } from "./gateway-card";
import type { GatewayAgent } from "./gateway-turns";
import { gatewayCaller, serveGatewayCall } from "./serve-gateway";

type Json = Record<string, unknown>;

const SCHEME = "bureauApiKey";
const ROUTE_SKILL = {
  id: "route-request",
  name: "Route a request",
  description:
    "Describe the work in plain words: the manager routes it to the best-fitting position, or plans it across " +
    "positions and departments (a plan above the auto-run threshold waits for a lead to accept it), or asks back.",
  tags: ["routing", "planning", "delegation"],
  examples: ["Draft a launch blog post on our Q3 numbers and check it for legal risk"],
  inputModes: ["text/plain"],
  outputModes: ["text/plain", "text/markdown"],
};

/**
 * A department of the caller's org (or, with a null slug, its whole company)
 * as an A2A agent: its card lists what its staff can do plus "route a
 * request", and its tasks are the requests to its manager. Another org's
 * department, an archived one or an unknown slug is null: the same answer as
 * for an unknown agent.
 */
async function departmentAgent(
  orgId: string,
  rawSlug: string | null,
): Promise<(GatewayAgent & { cardJson: Json }) | null> {
  const slug = rawSlug === null ? null : parsePathParam(zSlug, rawSlug);
  if (rawSlug !== null && !slug) return null;
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { name: true } });
  if (!org) return null;
  const department = slug
    ? await db.department.findFirst({
        where: { orgId, slug, archivedAt: null },
        select: { id: true, slug: true, name: true, mission: true },
      })
    : null;
  if (slug && !department) return null;
  const skills = await db.agentSkill.findMany({
    where: {
      agent: {
        positions: { some: { orgId, status: "ACTIVE", ...(department ? { departmentId: department.id } : {}) } },
      },
    },
    orderBy: [{ agentId: "asc" }, { position: "asc" }],
    select: {
      skillId: true,
      name: true,
      description: true,
      tags: true,
      examples: true,
      inputModes: true,
      outputModes: true,
    },
    take: 200,
  });
  const seen = new Set<string>();
  const staffSkills = skills.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase()));
  const url = department ? departmentUrl(department.slug) : companyUrl();
  const cardJson: Json = {
    name: department ? `${department.name} · ${org.name}` : `${org.name} (the company)`,
    description: department
      ? `${org.name}'s ${department.name} department on Bureau` +
        `${department.mission ? `: ${department.mission}` : "."} ` +
        "Its manager routes or plans each request across its staff (and other departments)."
      : `${org.name} on Bureau: the company's manager routes or plans each request across its departments.`,
    version: "1.0.0",
    provider: { organization: "Bureau", url: appUrl() },
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain", "text/markdown"],
    skills: [
      ROUTE_SKILL,
      ...staffSkills.map((s) => ({
        id: `staff-${s.skillId}`.slice(0, 120),
        name: s.name,
        description: s.description,
        tags: s.tags,
        examples: s.examples,
        inputModes: s.inputModes,
        outputModes: s.outputModes,
      })),
    ],
    capabilities: { streaming: true, pushNotifications: true },
    supportedInterfaces: [
      { url, protocolBinding: "JSONRPC", protocolVersion: "1.0" },
      { url, protocolBinding: "JSONRPC", protocolVersion: "0.3" },
    ],
    securitySchemes: {
      [SCHEME]: {
        httpAuthSecurityScheme: {
          scheme: "Bearer",
          description: `An API key of ${org.name} (Settings → API keys), sent as 'Authorization: Bearer <key>'.`,
        },
      },
    },
    securityRequirements: [{ schemes: { [SCHEME]: { list: [] } } }],
    protocolVersion: "0.3.0",
    url,
    preferredTransport: "JSONRPC",
    security: [{ [SCHEME]: [] }],
  };
  return {
    card: gatewayAgentCard(cardJson),
    cardJson,
    agentId: MANAGER_AGENT_ID,
    department: { slug: department?.slug ?? null, id: department?.id ?? null },
    pickAgent: async () => MANAGER_AGENT_ID,
  };
}

/** POST /api/a2a/departments/{slug} (and, slug null, /api/a2a/company): the org's own API keys only. */
export function serveDepartment(request: Request, slug: string | null): Promise<Response> {
  return serveGatewayCall(request, (principal) => departmentAgent(principal.orgId, slug));
}

/**
 * The department's (or company's) card: only for the org's own API keys, as
 * everything of a department is; anyone else is told what an unknown agent
 * is told.
 */
export async function departmentCardResponse(request: Request, slug: string | null): Promise<Response> {
  const caller = await gatewayCaller(request);
  if ("response" in caller) return caller.response;
  const agent = await departmentAgent(caller.principal.orgId, slug);
  if (!agent) {
    const code = BUREAU_RPC_ERRORS.agent_not_found;
    return jsonRpcError(null, code, "No published agent at this address.", { status: HTTP_STATUS_OF[code] });
  }
  return Response.json(agent.cardJson, { headers: { "cache-control": "private, max-age=30" } });
}
