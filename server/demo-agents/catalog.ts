import "server-only";
import type { AgentCard } from "@a2a-js/sdk";
import { DATA_FINANCE_AGENTS } from "./agents/data-finance";
import { ENGINEERING_MARKETING_AGENTS } from "./agents/engineering-marketing";
import { PEOPLE_LANGUAGE_AGENTS } from "./agents/people-language";
import { RESEARCH_WRITING_AGENTS } from "./agents/research-writing";
import { SUPPORT_LEGAL_AGENTS } from "./agents/support-legal";
import type { DemoAgentSpec } from "./types";

export type { DemoAgentSkillSpec, DemoAgentSpec, DemoBehavior, DemoCheck, PersonaTemplate } from "./types";

/** Northwind Labs' listed agents, served by this app under /api/demo-agents/<slug>. */
export const DEMO_AGENTS: DemoAgentSpec[] = [
  ...RESEARCH_WRITING_AGENTS,
  ...DATA_FINANCE_AGENTS,
  ...SUPPORT_LEGAL_AGENTS,
  ...ENGINEERING_MARKETING_AGENTS,
  ...PEOPLE_LANGUAGE_AGENTS,
];

export function findDemoAgent(slug: string): DemoAgentSpec | undefined {
  return DEMO_AGENTS.find((agent) => agent.slug === slug);
}

/** The agent's JSON-RPC endpoint (both A2A v1.0 and v0.3 method names). */
export function demoAgentBaseUrl(slug: string, appUrl: string): string {
  return `${appUrl.replace(/\/$/, "")}/api/demo-agents/${encodeURIComponent(slug)}`;
}

export function demoAgentCardUrl(slug: string, appUrl: string): string {
  return `${demoAgentBaseUrl(slug, appUrl)}/.well-known/agent-card.json`;
}

/**
 * A v1.0 AgentCard plus the v0.3 top-level fields. v1.0 clients read
 * `supportedInterfaces` (and ignore the rest); v0.3 clients only know `url`,
 * `preferredTransport` and the card-level `protocolVersion`.
 */
export type DemoAgentCard = AgentCard & {
  url: string;
  preferredTransport: "JSONRPC";
  protocolVersion: string;
};

const TEXT_MODES = ["text/plain", "text/markdown"];

export function buildDemoAgentCard(spec: DemoAgentSpec, appUrl: string): DemoAgentCard {
  const url = demoAgentBaseUrl(spec.slug, appUrl);
  return {
    name: spec.name,
    description: spec.description,
    // v1.0 first so clients that take the first entry speak the current protocol.
    supportedInterfaces: [
      { url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "1.0" },
      { url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "0.3" },
    ],
    url,
    preferredTransport: "JSONRPC",
    // Card-level protocolVersion only exists in v0.3; v1.0 versions live per interface.
    protocolVersion: "0.3.0",
    provider: { organization: spec.provider.organization, url: spec.provider.url },
    version: "1.0.0",
    capabilities: { streaming: spec.streaming, pushNotifications: false, extensions: [] },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ["text/plain"],
    defaultOutputModes: TEXT_MODES,
    skills: spec.skills.map((skill) => ({
      id: skill.id,
      name: skill.name,
      description: skill.description,
      tags: skill.tags,
      examples: skill.examples,
      inputModes: skill.inputModes ?? [],
      outputModes: skill.outputModes ?? [],
      securityRequirements: [],
    })),
    signatures: [],
  };
}
