import "server-only";
import { appUrl } from "../env";

/** Where programs reach a listed agent through Bureau's gateway. */
export const gatewayUrl = (slug: string) => `${appUrl()}/api/a2a/agents/${encodeURIComponent(slug)}`;
export const gatewayCardUrl = (slug: string) => `${gatewayUrl(slug)}/.well-known/agent-card.json`;
/** Bureau's own agent: the concierge that routes a request to a listing. */
export const conciergeUrl = () => `${appUrl()}/api/a2a/concierge`;
/** An org's department as an A2A agent of its own (reached with the org's API keys only). */
export const departmentUrl = (slug: string) => `${appUrl()}/api/a2a/departments/${encodeURIComponent(slug)}`;
/** The org's whole company as one A2A agent: its manager routes to departments. */
export const companyUrl = () => `${appUrl()}/api/a2a/company`;
