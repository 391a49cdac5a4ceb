import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import { recordAudit } from "../../audit/record-audit";
import { findOrgWorkflow } from "../find-org-workflow";
import { startWorkflowRun, type StartedWorkflowRun } from "../start-workflow-run";
import { readStoredGraph } from "../stored-graph";
import { authorizeWorkflowActor, type WorkflowActor } from "../workflow-actor";

/**
 * A workflow's webhook trigger is a secret URL: /api/hooks/workflows/<id>/<secret>.
 * Only the secret's SHA-256 is stored (it is a random 192-bit token, so a
 * plain hash is enough); the URL is shown once, when it is made, and making a
 * new one retires the old.
 */
const SECRET_PREFIX = "whk_";
const hashSecret = (secret: string) => createHash("sha256").update(secret).digest();

export const webhookPath = (workflowId: string, secret: string) => `/api/hooks/workflows/${workflowId}/${secret}`;

export async function rotateWorkflowWebhook(input: {
  orgId: string;
  actor: WorkflowActor & { kind: "user" };
  workflowId: string;
}): Promise<{ path: string }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "write");
  await findOrgWorkflow(input.orgId, input.workflowId, { id: true });
  const secret = `${SECRET_PREFIX}${randomBytes(24).toString("base64url")}`;
  await db.$transaction(async (tx) => {
    await tx.workflow.update({
      where: { id: input.workflowId },
      data: { webhookSecretHash: hashSecret(secret).toString("hex") },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actor.userId,
      action: "workflow.webhook_rotated",
      target: input.workflowId,
      data: {},
    });
  });
  return { path: webhookPath(input.workflowId, secret) };
}

const notFound = () => new DomainError("not_found", "No workflow webhook at this address.");

/**
 * Starts a run with the request's JSON body as input, when the secret matches
 * and the newest version has a webhook trigger. A wrong secret and an unknown
 * id answer alike. The sender's delivery id (Idempotency-Key, or Standard
 * Webhooks' webhook-id) makes a redelivery return the run it started.
 */
export async function startRunFromWebhook(input: {
  workflowId: string;
  secret: string;
  body: unknown;
  deliveryId: string | null;
}): Promise<StartedWorkflowRun> {
  const workflow = await db.workflow.findUnique({
    where: { id: input.workflowId },
    select: {
      orgId: true,
      webhookSecretHash: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { graph: true } },
    },
  });
  if (!workflow?.webhookSecretHash || !secretMatches(input.secret, workflow.webhookSecretHash)) throw notFound();
  const version = workflow.versions[0];
  const graph = version ? readStoredGraph(version.graph, `workflow ${input.workflowId}`) : null;
  if (!graph?.nodes.some((n) => n.type === "trigger" && n.config.kind === "webhook"))
    throw new DomainError("not_eligible", "This workflow's published version has no webhook trigger.");
  return startWorkflowRun({
    orgId: workflow.orgId,
    actor: { kind: "system", id: `webhook:${input.workflowId}` },
    workflowId: input.workflowId,
    input: input.body,
    trigger: "WEBHOOK",
    idempotencyKey: input.deliveryId === null ? null : `webhook:${input.workflowId}:${input.deliveryId}`,
  });
}

function secretMatches(secret: string, storedHex: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const stored = Buffer.from(storedHex, "hex");
  const given = hashSecret(secret);
  return stored.length === given.length && timingSafeEqual(stored, given);
}
