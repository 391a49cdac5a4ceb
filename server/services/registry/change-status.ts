import { db } from "../../db";
import type { AgentStatus } from "../../generated/prisma/enums";
import { logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import { DomainError } from "../../errors";
import { probeAgent } from "./probe-agent";

const STATUS_WORDS: Record<AgentStatus, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  PUBLISHED: "published",
  SUSPENDED: "suspended",
};

/**
 * Moves a listing from one of `from` to `to` with a conditional update, so two
 * racing reviewers cannot both act: the loser sees CONFLICT.
 */
async function transition(input: {
  where: { id: string; orgId?: string };
  from: AgentStatus[];
  to: AgentStatus;
  reason: string | null;
  actorUserId: string;
  auditOrgId: string | null;
  action: string;
}) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.agent.updateMany({
      where: { ...input.where, status: { in: input.from } },
      data: {
        status: input.to,
        statusReason: input.reason,
        ...(input.to === "IN_REVIEW" ? { submittedAt: now } : { reviewedAt: now }),
      },
    });
    const agent = await tx.agent.findFirst({
      where: input.where,
      select: { id: true, orgId: true, slug: true, status: true, publishedAt: true },
    });
    if (!agent) throw new DomainError("agent_not_found", "Listing not found.");
    if (count === 0)
      throw new DomainError(
        "conflict",
        `This listing is ${STATUS_WORDS[agent.status]}, so it cannot be ${input.action.split(".")[1]}.`,
      );
    if (input.to === "PUBLISHED" && !agent.publishedAt)
      await tx.agent.update({ where: { id: agent.id }, data: { publishedAt: now } });
    await recordAudit(tx, {
      orgId: input.auditOrgId,
      actorUserId: input.actorUserId,
      action: input.action,
      target: agent.id,
      data: { slug: agent.slug, sellerOrgId: agent.orgId, reason: input.reason },
    });
    return { id: agent.id, status: input.to };
  });
}

/** Seller: send a draft (or a suspended listing, once fixed) to the review queue. */
export function submitListing(input: { orgId: string; agentId: string; userId: string }) {
  return transition({
    where: { id: input.agentId, orgId: input.orgId },
    from: ["DRAFT", "SUSPENDED"],
    to: "IN_REVIEW",
    reason: null,
    actorUserId: input.userId,
    auditOrgId: input.orgId,
    action: "agent.submitted",
  });
}

export type ReviewDecision = { decision: "approve" } | { decision: "reject" | "suspend"; reason: string };

/**
 * Platform admin: approve (publish, then probe health once), reject back to
 * draft with a reason, or suspend with a reason. Audited on the platform chain.
 */
export async function reviewListing(input: { agentId: string; adminUserId: string } & ReviewDecision) {
  const common = { where: { id: input.agentId }, actorUserId: input.adminUserId, auditOrgId: null };
  if (input.decision === "approve") {
    const result = await transition({
      ...common,
      from: ["IN_REVIEW"],
      to: "PUBLISHED",
      reason: null,
      action: "agent.approved",
    });
    // The approval stands whatever the probe finds; its outcome is recorded on the listing.
    await probeAgent({ agentId: result.id }).catch((error: unknown) =>
      logger.warn({ err: error, agentId: result.id }, "publish-time health probe failed"),
    );
    return result;
  }
  if (input.decision === "reject") {
    return transition({ ...common, from: ["IN_REVIEW"], to: "DRAFT", reason: input.reason, action: "agent.rejected" });
  }
  return transition({
    ...common,
    from: ["IN_REVIEW", "PUBLISHED"],
    to: "SUSPENDED",
    reason: input.reason,
    action: "agent.suspended",
  });
}
