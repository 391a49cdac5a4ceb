"use client";

import { Check, Clock, Coins, Users, X } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { MarkdownText } from "@/components/tasks/markdown-text";
import { shortId } from "@/components/workflow-runs/run-format";
import type { ListedApproval } from "@/components/workflow-runs/run-types";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { approversList, deadlineSentence, decisionSentence, priceSentence, undecidableReason } from "./approval-format";
import { DecideDialog, type Decision } from "./decide-dialog";

const STATE: Record<ListedApproval["state"], { label: string; variant: NonNullable<BadgeProps["variant"]> }> = {
  PENDING: { label: "Pending", variant: "warning" },
  APPROVED: { label: "Approved", variant: "success" },
  REJECTED: { label: "Rejected", variant: "destructive" },
  EXPIRED: { label: "Timed out", variant: "outline" },
};

/** Long texts (by characters or lines) start folded to a few lines. */
const isLong = (text: string) => text.length > 360 || text.split("\n").length > 8;

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-2 text-sm">
      <span aria-hidden className="mt-px text-muted-foreground [&_svg]:size-4">
        {icon}
      </span>
      <div className="grid min-w-0 content-start gap-0.5">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <div className="min-w-0 break-words">{children}</div>
      </div>
    </div>
  );
}

/**
 * One approval, saying exactly what is decided: the workflow and step, the
 * text the step rendered for its approvers, the price at stake, the deadline
 * and what its timeout does, and who decides; then Approve and Reject, or
 * why this member cannot.
 */
export function ApprovalItem(props: { approval: ListedApproval; members: Map<string, string>; onDecided: () => void }) {
  const { approval, members } = props;
  const { org, user } = useOrg();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [unfolded, setUnfolded] = useState(false);
  const { subject } = approval;
  const reason = undecidableReason(approval, { userId: user.id, role: org.role }, members);
  const open =
    approval.state === "PENDING" && (!approval.run || ["PENDING", "RUNNING", "WAITING"].includes(approval.run.state));
  const long = isLong(subject.text);
  const stepHref = approval.runId
    ? `/workflows/runs/${approval.runId}?node=${encodeURIComponent(subject.nodeId)}`
    : null;

  return (
    <article
      className="grid gap-4 py-5 first:pt-1 last:pb-1"
      data-testid="approval-item"
      data-approval-id={approval.id}
      data-state={approval.state}
      aria-labelledby={`approval-${approval.id}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="grid min-w-0 gap-1">
          <h2 id={`approval-${approval.id}`} className="text-base font-semibold break-words">
            {stepHref ? (
              <Link href={stepHref} className="hover:underline" title="Open this step in its run">
                {approval.title}
              </Link>
            ) : (
              approval.title
            )}
          </h2>
          <p className="text-sm text-muted-foreground">
            <span className="font-medium text-foreground" data-testid="approval-workflow">
              {subject.workflowName ?? approval.run?.workflowName ?? "A manager's plan"}
            </span>
            {subject.nodeName !== approval.title ? ` · step ${subject.nodeName}` : ""}
            {approval.runId ? (
              <>
                {" "}
                · run <span className="font-mono">{shortId(approval.runId)}</span>
              </>
            ) : null}{" "}
            · asked {formatRelative(approval.createdAt)}
          </p>
        </div>
        <Badge variant={STATE[approval.state].variant} data-testid="approval-state">
          {STATE[approval.state].label}
        </Badge>
      </header>

      <section aria-label="What is being approved" className="grid gap-1.5">
        <div
          className={cn(
            "relative min-w-0 overflow-hidden rounded-lg border border-border bg-muted/30 p-3",
            long && !unfolded && "max-h-44",
          )}
          data-testid="approval-subject"
        >
          {subject.text ? (
            <MarkdownText text={subject.text} />
          ) : (
            <p className="text-sm text-muted-foreground">(empty)</p>
          )}
          {long && !unfolded ? (
            <div
              aria-hidden
              className="pointer-events-none absolute inset-x-0 bottom-0 h-12 bg-gradient-to-t from-card to-transparent"
            />
          ) : null}
        </div>
        {long ? (
          <Button variant="link" size="sm" className="w-fit" onClick={() => setUnfolded(!unfolded)}>
            {unfolded ? "Show less" : "Show all of it"}
          </Button>
        ) : null}
      </section>

      <div className="grid gap-3 sm:grid-cols-3">
        <Fact icon={<Coins />} label="Price">
          {priceSentence(approval)}
          {subject.positions.length ? (
            <span className="block text-muted-foreground">
              Goes to {subject.positions.map((p) => p.title).join(", ")}.
            </span>
          ) : null}
        </Fact>
        <Fact icon={<Clock />} label={approval.state === "PENDING" ? "Deadline" : "Decision"}>
          {approval.state === "PENDING" ? deadlineSentence(approval) : decisionSentence(approval, members)}
        </Fact>
        <Fact icon={<Users />} label="Who decides">
          {approversList(approval, members)}
        </Fact>
      </div>

      {approval.state !== "PENDING" && approval.comment ? (
        <blockquote className="border-l-2 border-border pl-3 text-sm text-foreground/80" data-testid="approval-comment">
          {approval.comment}
        </blockquote>
      ) : null}

      <footer className="flex flex-wrap items-center gap-2">
        {open ? (
          <>
            <Button disabled={!approval.canDecide} onClick={() => setDecision("approve")}>
              <Check aria-hidden /> Approve
            </Button>
            <Button variant="outline" disabled={!approval.canDecide} onClick={() => setDecision("reject")}>
              <X aria-hidden /> Reject
            </Button>
            {reason ? (
              <span className="text-sm text-muted-foreground" data-testid="approval-cannot-decide">
                {reason}
              </span>
            ) : null}
          </>
        ) : approval.state === "PENDING" ? (
          <span className="text-sm text-muted-foreground">{decisionSentence(approval, members)}</span>
        ) : null}
        {approval.runId ? (
          <Link href={`/workflows/runs/${approval.runId}`} className="ml-auto text-sm text-primary hover:underline">
            Open the run
          </Link>
        ) : null}
      </footer>
      <DecideDialog
        orgId={org.id}
        approval={approval}
        decision={decision}
        onClose={() => setDecision(null)}
        onDecided={props.onDecided}
      />
    </article>
  );
}
