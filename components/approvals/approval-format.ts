import { creditCount, formatDateTime } from "@/components/format";
import type { ApprovalView, ListedApproval } from "@/components/workflow-runs/run-types";

const ROLE_PLURAL: Record<string, string> = { owner: "owners", admin: "admins", member: "members", viewer: "viewers" };

function list(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

type Approvers = Pick<ApprovalView, "approverRoles" | "approverUserIds">;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function approverWords(approval: Approvers, members: ReadonlyMap<string, string>): string[] {
  return [
    ...approval.approverRoles.map((r) => ROLE_PLURAL[r] ?? r),
    ...approval.approverUserIds.map((id) => members.get(id) ?? "a named member"),
  ];
}

/** "Owners or Ada Lovelace": the roles and the named members (by name when the page knows them). */
export function approversList(approval: Approvers, members: ReadonlyMap<string, string>): string {
  const who = approverWords(approval, members);
  return who.length ? capitalized(list(who)) : "Nobody";
}

/** "Owners or Ada Lovelace decide", "Ada Lovelace decides". */
export function approversSentence(approval: Approvers, members: ReadonlyMap<string, string>): string {
  const who = approverWords(approval, members);
  if (who.length === 0) return "Nobody may decide";
  return capitalized(`${list(who)} decide${who.length === 1 && approval.approverRoles.length === 0 ? "s" : ""}`);
}

const outcomeWord = (approval: Pick<ApprovalView, "onTimeout">) =>
  approval.onTimeout === "APPROVE" ? "approved" : "rejected";

/** What happens when the deadline passes with no decision. */
export function timeoutSentence(approval: Pick<ApprovalView, "onTimeout">): string {
  return approval.onTimeout === "APPROVE"
    ? "If nobody decides by then, it is approved and the run goes on."
    : "If nobody decides by then, it is rejected and the run fails.";
}

export function deadlineSentence(approval: Pick<ApprovalView, "deadlineAt" | "onTimeout">, now = Date.now()): string {
  const at = formatDateTime(approval.deadlineAt);
  if (approval.deadlineAt.getTime() <= now)
    return `The deadline (${at}) has passed: it is being ${outcomeWord(approval)}.`;
  return `Decide by ${at}. ${timeoutSentence(approval)}`;
}

/** What approving lets the run spend, from the subject's estimate. */
export function priceSentence(approval: Pick<ApprovalView, "subject">): string {
  const { priceCredits, spentCredits } = approval.subject;
  const spent = spentCredits > 0 ? ` (${creditCount(spentCredits)} spent so far)` : "";
  if (priceCredits === null) return `The rest of the run has no listed price${spent}.`;
  if (priceCredits === 0) return `The rest of the run costs nothing${spent}.`;
  return `Approving lets the run spend up to ${creditCount(priceCredits)} more${spent}.`;
}

/**
 * Why the caller cannot decide a pending approval, in a sentence (null when
 * they can). The server's canDecide is the truth; this only names the reason.
 */
export function undecidableReason(
  approval: ListedApproval,
  member: { userId: string; role: string },
  members: ReadonlyMap<string, string>,
  now = Date.now(),
): string | null {
  if (approval.canDecide) return null;
  if (approval.state !== "PENDING") return "Already decided.";
  if (approval.run && !["PENDING", "RUNNING", "WAITING"].includes(approval.run.state))
    return `The run waiting on it has ended (${approval.run.state.toLowerCase()}).`;
  if (approval.deadlineAt.getTime() <= now) return "The deadline has passed.";
  const named = approval.approverUserIds.includes(member.userId);
  if (!named && !approval.approverRoles.includes(member.role))
    return `You are not one of its approvers. ${approversSentence(approval, members)}.`;
  return "You cannot decide this approval.";
}

/** The decision, as the decided tab says it. */
export function decisionSentence(approval: ApprovalView, members: ReadonlyMap<string, string>): string {
  const by = approval.decidedById
    ? ` by ${members.get(approval.decidedById) ?? "a former member"}`
    : approval.decidedByApiKeyId
      ? " by an API key"
      : "";
  const when = approval.decidedAt ? ` on ${formatDateTime(approval.decidedAt)}` : "";
  switch (approval.state) {
    case "APPROVED":
      return `Approved${by}${when}.`;
    case "REJECTED":
      return `Rejected${by}${when}.`;
    case "EXPIRED":
      return `Nobody decided by the deadline; ${outcomeWord(approval)} on timeout${when}.`;
    case "PENDING":
      return approval.run && !["PENDING", "RUNNING", "WAITING"].includes(approval.run.state)
        ? `Never decided: the run ended (${approval.run.state.toLowerCase()}).`
        : "Waiting for a decision.";
  }
}
