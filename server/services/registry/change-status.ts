import "server-only";
import { eventTransaction } from "../events/event-transaction";
import type { Prisma } from "../../generated/prisma/client";
import type { AgentStatus } from "../../generated/prisma/enums";
import { logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { DomainError } from "../../errors";
import { listingPhase, PHASE_WORDS } from "../../schemas/listing-state";
import { probeAgent } from "./probe-agent";
import type { OrgEventType } from "../events/catalogue";

const IN_REVIEW = { status: "IN_REVIEW" } as const;
const PUBLISHED = { status: "PUBLISHED" } as const;
const DRAFT = { status: "DRAFT" } as const;
const PAUSED = { status: "PAUSED" } as const;
const SUSPENDED = { status: "SUSPENDED" } as const;

type ListingEventType = Extract<OrgEventType, `listing.${string}`>;

/**
 * Moves a listing from one of the `from` states to `to` with a conditional
 * update, so two racing actors (two reviewers, a reviewer and the seller)
 * cannot both act: the loser sees CONFLICT naming the state it found.
 */
async function transition(input: {
  where: { id: string; orgId?: string };
  from: Prisma.AgentWhereInput[];
  to: AgentStatus;
  reason: string | null;
  actorUserId: string;
  auditOrgId: string | null;
  action: string;
  /** The event in the seller org's log. */
  event: ListingEventType;
  /** Which time the move records: a submission, a reviewer's decision, or neither (a seller's pause). */
  stamp: "submittedAt" | "reviewedAt" | null;
}) {
  const now = new Date();
  const result = await eventTransaction(async (tx) => {
    const { count } = await tx.agent.updateMany({
      where: { ...input.where, OR: input.from },
      data: { status: input.to, statusReason: input.reason, ...(input.stamp ? { [input.stamp]: now } : {}) },
    });
    const agent = await tx.agent.findFirst({
      where: input.where,
      select: { id: true, orgId: true, slug: true, status: true, statusReason: true, publishedAt: true },
    });
    if (!agent) throw new DomainError("agent_not_found", "Listing not found.");
    if (count === 0)
      throw new DomainError(
        "conflict",
        `This listing is ${PHASE_WORDS[listingPhase(agent)]}, so it cannot be ${input.action.split(".")[1]}.`,
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
    await recordEvent(tx, {
      orgId: agent.orgId,
      type: input.event,
      subject: { type: "listing", id: agent.id },
      // A platform reviewer's decision is Bureau's, not a named person's, in the seller's log.
      actor: input.auditOrgId === null ? { kind: "system", id: null } : { kind: "user", id: input.actorUserId },
      data: { slug: agent.slug, reason: input.reason },
    });
    return { id: agent.id, status: input.to, statusReason: input.reason, publishedAt: agent.publishedAt ?? now };
  });
  return { ...result, phase: listingPhase(result) };
}

/** The listing is live again (approved or resumed): probe it once; the outcome is recorded on the listing. */
async function probeAfterPublish(agentId: string) {
  await probeAgent({ agentId }).catch((error: unknown) =>
    logger.warn({ err: error, agentId }, "publish-time health probe failed"),
  );
}

/** Seller: send a draft (or a listing Bureau suspended, once fixed) to the review queue. */
export function submitListing(input: { orgId: string; agentId: string; userId: string }) {
  return transition({
    where: { id: input.agentId, orgId: input.orgId },
    from: [DRAFT, SUSPENDED],
    to: "IN_REVIEW",
    reason: null,
    actorUserId: input.userId,
    auditOrgId: input.orgId,
    action: "agent.submitted",
    event: "listing.submitted",
    stamp: "submittedAt",
  });
}

export type SellerControl = "pause" | "resume" | "unpublish";

/**
 * Seller: pause a published listing (it leaves the marketplace and takes no
 * new tasks; running ones finish), resume a paused one without review, or
 * unpublish (back to a draft: coming back means review again). Audited on
 * the seller org's chain.
 */
export async function controlListing(input: {
  orgId: string;
  agentId: string;
  userId: string;
  control: SellerControl;
}) {
  const common = {
    where: { id: input.agentId, orgId: input.orgId },
    reason: null,
    actorUserId: input.userId,
    auditOrgId: input.orgId,
    stamp: null,
  };
  if (input.control === "pause")
    return transition({ ...common, from: [PUBLISHED], to: "PAUSED", action: "agent.paused", event: "listing.paused" });
  if (input.control === "resume") {
    const result = await transition({
      ...common,
      from: [PAUSED],
      to: "PUBLISHED",
      action: "agent.resumed",
      event: "listing.resumed",
    });
    await probeAfterPublish(result.id);
    return result;
  }
  return transition({
    ...common,
    from: [PUBLISHED, PAUSED, IN_REVIEW],
    to: "DRAFT",
    action: "agent.unpublished",
    event: "listing.unpublished",
  });
}

export type ReviewDecision = { decision: "approve" } | { decision: "reject" | "suspend"; reason: string };

/**
 * Platform admin: approve (publish, then probe health once), reject back to
 * draft with a reason, or suspend with a reason (a paused listing too, so
 * its seller cannot resume it). Audited on the platform chain.
 */
export async function reviewListing(input: { agentId: string; adminUserId: string } & ReviewDecision) {
  const common = {
    where: { id: input.agentId },
    actorUserId: input.adminUserId,
    auditOrgId: null,
    stamp: "reviewedAt" as const,
  };
  if (input.decision === "approve") {
    const result = await transition({
      ...common,
      from: [IN_REVIEW],
      to: "PUBLISHED",
      reason: null,
      action: "agent.approved",
      event: "listing.published",
    });
    await probeAfterPublish(result.id);
    return result;
  }
  // The seller reads the reason, and only a review brings the listing back.
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("invalid_input", "Give the seller a reason.");
  if (input.decision === "reject") {
    return transition({
      ...common,
      from: [IN_REVIEW],
      to: "DRAFT",
      reason,
      action: "agent.rejected",
      event: "listing.rejected",
    });
  }
  return transition({
    ...common,
    from: [IN_REVIEW, PUBLISHED, PAUSED],
    to: "SUSPENDED",
    reason,
    action: "agent.suspended",
    event: "listing.suspended",
  });
}
