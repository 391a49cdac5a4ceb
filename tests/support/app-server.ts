import { afterAll, beforeAll } from "vitest";
import { serveFetchHandler } from "./serve-fetch-handler";

type Route = { pattern: RegExp; handle: (request: Request, match: RegExpExecArray) => Promise<Response> | Response };

/**
 * The app's A2A-facing routes (gateway, its cards, demo agents) on a real
 * HTTP server at APP_URL, calling the same functions the Next.js route
 * handlers call. Integration tests drive it with the official A2A client.
 */
export async function startAppServer(extra: Route[] = []) {
  const { serveGateway, findGatewayAgent } = await import("@/server/gateway/serve-gateway");
  const { handleDemoAgentRequest, demoAgentCardResponse } = await import("@/server/demo-agents/handler");
  const routes: Route[] = [
    ...extra,
    {
      pattern: /^\/api\/a2a\/agents\/([\w-]+)\/\.well-known\/agent-card\.json$/,
      handle: async (_r, m) => {
        const agent = await findGatewayAgent(m[1]!);
        return agent ? Response.json(agent.cardJson) : Response.json({ error: "not found" }, { status: 404 });
      },
    },
    { pattern: /^\/api\/a2a\/agents\/([\w-]+)$/, handle: (r, m) => serveGateway(r, m[1]!) },
    {
      pattern: /^\/api\/demo-agents\/([\w-]+)\/\.well-known\/agent-card\.json$/,
      handle: (_r, m) => demoAgentCardResponse(m[1]!, process.env.APP_URL!),
    },
    { pattern: /^\/api\/demo-agents\/([\w-]+)$/, handle: (r, m) => handleDemoAgentRequest(m[1]!, r) },
  ];
  const port = Number(new URL(process.env.APP_URL!).port);
  return serveFetchHandler(async (request) => {
    const path = new URL(request.url).pathname;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (match) return route.handle(request, match);
    }
    return new Response("not found", { status: 404 });
  }, port);
}

/**
 * For a test file that runs tasks for real: the local durable engine, the
 * in-process task runner and the app server for the whole file, stopped
 * afterwards.
 */
export function useTaskRuntime(extra: Route[] = []) {
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  beforeAll(async () => {
    const { startJobEngine } = await import("@/server/jobs/engine");
    const { allFunctions } = await import("@/inngest/functions");
    await startJobEngine(allFunctions);
    const { taskRunner } = await import("@/server/services/tasks/task-runner");
    await taskRunner.start();
    server = await startAppServer(extra);
  }, 60_000);
  afterAll(async () => {
    const { stopJobEngine } = await import("@/server/jobs/engine");
    const { taskRunner } = await import("@/server/services/tasks/task-runner");
    await taskRunner.stop();
    await server?.close();
    await stopJobEngine();
  });
}
