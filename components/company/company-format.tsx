import { CirclePause, CircleStop, ShieldCheck } from "lucide-react";
import { creditCount, formatCredits } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import type { ApprovalPolicy, PositionStatus } from "./company-types";
import { MAX_CREDITS } from "@/server/services/company/departments/company-limits.types";

/** "Tasks over 500 credits need approval" style, for a badge or a sentence. */
export function policyLabel(policy: ApprovalPolicy, overCredits: number | null): string {
  if (policy === "EVERY") return "Every task approved";
  if (policy === "OVER") return `Approval over ${formatCredits(overCredits ?? 0)}`;
  return "No approval";
}

export function PolicyBadge({ policy, overCredits }: { policy: ApprovalPolicy; overCredits: number | null }) {
  if (policy === "NONE") return null;
  return (
    <Badge variant="warning" data-testid="policy-badge" title={policySentence(policy, overCredits)}>
      <ShieldCheck aria-hidden />
      {policyLabel(policy, overCredits)}
    </Badge>
  );
}

export function policySentence(policy: ApprovalPolicy, overCredits: number | null): string {
  if (policy === "EVERY") return "Every task waits for a lead's approval.";
  if (policy === "OVER") return `Tasks priced over ${creditCount(overCredits ?? 0)} wait for a lead's approval.`;
  return "Tasks run without an approval.";
}

const STATUS_LABEL: Record<PositionStatus, string> = { ACTIVE: "Active", PAUSED: "Paused", ENDED: "Ended" };

/** Nothing for an active position on the chart (the usual case); a badge where it matters. */
export function PositionStatusBadge({ status, showActive = false }: { status: PositionStatus; showActive?: boolean }) {
  if (status === "ACTIVE" && !showActive) return null;
  const variant = status === "ACTIVE" ? "success" : status === "PAUSED" ? "warning" : "outline";
  return (
    <Badge variant={variant} data-testid="position-status" data-status={status}>
      {status === "PAUSED" ? <CirclePause aria-hidden /> : status === "ENDED" ? <CircleStop aria-hidden /> : null}
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** "1,200 of 5,000 credits" or "1,200 credits, no cap". */
export function spendLine(spent: number, cap: number | null): string {
  return cap === null ? `${creditCount(spent)}, no cap` : `${formatCredits(spent)} of ${creditCount(cap)}`;
}

/** A whole, non-negative number of credits typed in a form: "" is none, anything else must parse. */
export function parseCredits(raw: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const text = raw.trim().replaceAll(",", "");
  if (text === "") return { ok: true, value: null };
  if (!/^\d{1,10}$/.test(text)) return { ok: false, error: "Enter a whole number of credits." };
  const value = Number(text);
  if (value > MAX_CREDITS) return { ok: false, error: `At most ${formatCredits(MAX_CREDITS)} credits.` };
  return { ok: true, value };
}
