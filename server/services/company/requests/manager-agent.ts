import "server-only";

/**
 * Bureau's built-in manager (migration bureau_manager_agent): the agent row
 * of every MANAGER task. Never listed and never called at an endpoint; the
 * company service does its work.
 */
export const MANAGER_AGENT_ID = "bureau-manager";
