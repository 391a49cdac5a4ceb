import "server-only";
import { logger } from "../../logger";
import type { BureauArtifact, BureauMessage } from "../../a2a/bureau-format";
import { messageText } from "../../a2a/bureau-format";
import {
  findKnowledgeParts,
  ingestKnowledgePart,
  knowledgeContextPart,
  knowledgePolicyOf,
  relevantObservations,
} from "../knowledge/company-memory";

/**
 * The `bureau/knowledge` parts an agent returned in these artifacts, ingested
 * per the task's department policy (at once, or held for a member's review).
 * After the write committed, off the caller's path: a bad part is logged
 * (the agent's mistake, not the buyer's task), and a replayed part changes
 * nothing. A write without such a part costs nothing here.
 */
export function ingestReturnedKnowledge(orgId: string, taskId: string, artifacts: readonly BureauArtifact[]): void {
  const parts = artifacts.flatMap((a) => findKnowledgeParts(a.parts));
  if (parts.length === 0) return;
  void (async () => {
    for (const part of parts) {
      try {
        await ingestKnowledgePart(orgId, { taskId }, part);
      } catch (error) {
        logger.warn({ err: error, taskId }, "an agent's bureau/knowledge part was not ingested");
      }
    }
  })();
}

/**
 * Contextual memory: when the department opted in, a task it starts carries
 * the observations most relevant to its message as a `bureau/knowledge-context`
 * data part (exactly what the agent was given, visible in the task's input),
 * only what that department may see.
 */
export async function withKnowledgeContext(
  orgId: string,
  departmentId: string,
  message: BureauMessage,
): Promise<BureauMessage> {
  const policy = await knowledgePolicyOf(orgId, departmentId);
  if (!policy?.attachContext) return message;
  const observations = await relevantObservations(orgId, departmentId, messageText(message), 5);
  if (observations.length === 0) return message;
  return { ...message, parts: [...message.parts, knowledgeContextPart(observations)] };
}
