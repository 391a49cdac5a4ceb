import "server-only";
import { appUrl, env } from "../env";
import { logger } from "../logger";
import { createDemoAgentRuntime, type DemoAgentRuntime } from "./runtime";

// Kept on globalThis so a dev hot reload does not drop the agents' in-memory tasks.
const store = globalThis as typeof globalThis & { __bureauDemoAgentRuntime?: DemoAgentRuntime };

function runtime(): DemoAgentRuntime {
  store.__bureauDemoAgentRuntime ??= createDemoAgentRuntime({
    appUrl: appUrl(),
    stepMs: env.DEMO_AGENT_STEP_MS,
    llm: { openaiApiKey: env.OPENAI_API_KEY, anthropicApiKey: env.ANTHROPIC_API_KEY },
    onLlmError: (error, slug) =>
      logger.warn(
        { slug, reason: error instanceof Error ? error.message : "unknown" },
        "demo agent LLM call failed; used template",
      ),
    onError: (error, slug) => logger.error({ err: error, slug }, "demo agent request failed"),
  });
  return store.__bureauDemoAgentRuntime;
}

/** Answers one JSON-RPC POST to /api/demo-agents/<slug> (JSON, or SSE for streaming methods). */
export function handleDemoAgentRequest(slug: string, request: Request): Promise<Response> {
  return runtime().handle(slug, request);
}

/** The agent's card, with URLs under `appUrl`; 404 JSON for an unknown slug. */
export function demoAgentCardResponse(slug: string, baseUrl: string): Response {
  return runtime().cardResponse(slug, baseUrl);
}
