import { restRoute } from "@/server/http/rest";
import { jsonError } from "@/server/http/handle";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { startRunFromWebhook } from "@/server/services/workflows/triggers/webhook-trigger";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workflowId: string; secret: string }> };

/**
 * POST /api/hooks/workflows/<id>/<secret>: a workflow's webhook trigger. The
 * JSON body becomes the run's input; an `Idempotency-Key` (or Standard
 * Webhooks' `webhook-id`) header makes a redelivery return the same run.
 * Answers 202 `{ runId, created }`. A wrong secret is 404, like an unknown id.
 */
export const POST = restRoute<Context>(async (request, context) => {
  const { workflowId, secret } = await context.params;
  const { limited, headers } = await limitRequest(request, {
    scope: `workflow-hook:${workflowId.slice(0, 64)}`,
    limit: 60,
    windowSeconds: 60,
  });
  if (limited) return limited;
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const run = await startRunFromWebhook({
    workflowId,
    secret,
    body,
    deliveryId: request.headers.get("idempotency-key") ?? request.headers.get("webhook-id"),
  });
  return Response.json({ runId: run.id, created: run.created }, { status: 202, headers });
});

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return jsonError(400, "invalid_json", "The request body is not JSON.");
  }
}
