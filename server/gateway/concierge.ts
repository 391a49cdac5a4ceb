import "server-only";
import { appUrl } from "../env";
import { conciergeUrl } from "../a2a/urls";
import { DomainError } from "../errors";
import { logger } from "../logger";
import { describeNeed } from "../services/registry/describe-need";
import { serveGatewayCall } from "./serve-gateway";
import { gatewayAgentCard } from "./gateway-card";

/** Bureau's own agent card (/.well-known/agent-card.json): the concierge. */
export function conciergeCardJson() {
  const url = conciergeUrl();
  return {
    name: "Bureau Concierge",
    description:
      "Describe the work in plain words; the concierge picks the best-matching agent listed on Bureau " +
      "(by its skills and examples), runs it as your organization, and streams its progress and results. " +
      "Billed at that agent's listed price.",
    version: "1.0.0",
    provider: { organization: "Bureau", url: appUrl() },
    documentationUrl: `${appUrl()}/`,
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain", "text/markdown", "application/json"],
    capabilities: { streaming: true, pushNotifications: true },
    skills: [
      {
        id: "route-to-best-agent",
        name: "Find and run the right agent",
        description: "Matches the request against every published agent's skills and runs the best one.",
        tags: ["marketplace", "routing", "delegation"],
        examples: [
          "Summarise this quarter's support tickets by theme",
          "Check this NDA for unusual clauses",
          "Draft a job description for a data engineer",
        ],
      },
    ],
    supportedInterfaces: [
      { url, protocolBinding: "JSONRPC", protocolVersion: "1.0" },
      { url, protocolBinding: "JSONRPC", protocolVersion: "0.3" },
    ],
    securitySchemes: {
      bureauApiKey: {
        httpAuthSecurityScheme: {
          scheme: "Bearer",
          description:
            "An org API key from Bureau, sent as 'Authorization: Bearer <key>'; or the bdg_ token of a " +
            "bureau/delegation grant, for an agent working on a Bureau task.",
        },
      },
    },
    securityRequirements: [{ schemes: { bureauApiKey: { list: [] } } }],
    protocolVersion: "0.3.0",
    url,
    preferredTransport: "JSONRPC",
    security: [{ bureauApiKey: [] }],
  };
}

async function bestAgentFor(text: string): Promise<string> {
  const need = text.trim();
  const { matches } = need.length >= 3 ? await describeNeed({ need, limit: 1 }) : { matches: [] };
  const best = matches[0];
  if (!best)
    throw new DomainError(
      "no_matching_agent",
      "No listed agent matches this request. Describe the task differently, or pick an agent in the marketplace.",
    );
  logger.info({ agent: best.listing.slug, coverage: best.coverage }, "concierge routed a request");
  return best.listing.id;
}

/** POST /api/a2a/concierge: the gateway, with the agent chosen per message (an org API key or a delegation grant). */
export function serveConcierge(request: Request): Promise<Response> {
  return serveGatewayCall(
    request,
    async () => ({ card: gatewayAgentCard(conciergeCardJson()), pickAgent: bestAgentFor }),
    { grants: true },
  );
}
