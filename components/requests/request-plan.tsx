"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Bot, Check, GitBranch, ListChecks, MessageCircleQuestion, Route, Save, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { creditCount, formatCredits } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import type { TaskState } from "@/server/schemas/enums";

const price = (e: { minCredits: number; maxCredits: number }) =>
  e.minCredits === e.maxCredits
    ? creditCount(e.maxCredits)
    : `${formatCredits(e.minCredits)}–${creditCount(e.maxCredits)}`;

/**
 * A department request's manager decision, beside its results: the route or
 * the plan (each part, its department and price, what it waits for), the
 * estimate, who decided it (Bureau's deterministic manager or a model, and
 * why a model's answer was set aside), the approvals it waits for (decided
 * here, or in the inbox) and "Save as workflow". Re-read when the task's
 * state changes.
 */
export function RequestPlanPanel({ orgId, taskId, state }: { orgId: string; taskId: string; state: TaskState }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.company.request.queryOptions({ orgId, taskId }));
  const { refetch } = query;
  useEffect(() => {
    void refetch();
  }, [state, refetch]);

  if (query.isPending)
    return (
      <Card>
        <CardContent className="space-y-2 pt-6">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="h-16 w-full" />
        </CardContent>
      </Card>
    );
  if (query.isError)
    return (
      <Alert variant="destructive">
        <AlertTitle>The plan could not be loaded</AlertTitle>
        {query.error.message}{" "}
        <Button variant="link" size="sm" onClick={() => void refetch()}>
          Retry
        </Button>
      </Alert>
    );
  const view = query.data;
  const decision = view.decision;
  const who = view.department ? view.department.name : "The company";
  return (
    <Card data-testid="request-plan">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="flex items-center gap-2">
          {decision?.kind === "plan" ? (
            <ListChecks className="size-5" aria-hidden />
          ) : decision?.kind === "route" ? (
            <Route className="size-5" aria-hidden />
          ) : decision?.kind === "question" ? (
            <MessageCircleQuestion className="size-5" aria-hidden />
          ) : (
            <Bot className="size-5" aria-hidden />
          )}
          {decision === null
            ? `${who}'s manager is reading the request…`
            : decision.kind === "plan"
              ? `Plan: ${decision.parts.length} parts`
              : decision.kind === "route"
                ? "Routed to one position"
                : "The manager asked a question"}
        </CardTitle>
        {decision && decision.kind !== "question" ? (
          <Badge variant="secondary" data-testid="plan-estimate">
            {price(decision.estimate)}
          </Badge>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {decision?.kind === "route" ? <p>{decision.reason}</p> : null}
        {decision?.kind === "plan" ? (
          <>
            <p className="text-muted-foreground">{decision.reason}</p>
            <ol className="space-y-2" data-testid="plan-parts">
              {decision.parts.map((part, i) => (
                <li key={part.id} className="rounded-md border p-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">
                      {i + 1}. {part.text}
                    </span>
                    <span className="text-muted-foreground">{creditCount(part.priceCredits)}</span>
                  </div>
                  <div className="mt-1 flex flex-wrap gap-2 text-xs text-muted-foreground">
                    <Badge variant="outline">{part.departmentSlug}</Badge>
                    {part.needsApproval ? <Badge variant="warning">needs approval</Badge> : null}
                    {part.dependsOn.length ? (
                      <span>
                        after{" "}
                        {part.dependsOn
                          .map((id) => decision.parts.findIndex((p) => p.id === id) + 1)
                          .map((n) => `part ${n}`)
                          .join(", ")}
                      </span>
                    ) : null}
                  </div>
                  <p className="mt-1 text-xs text-muted-foreground">{part.reason}</p>
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {decision?.kind === "question" ? <p>{decision.question}</p> : null}
        {view.manager ? (
          <p className="text-xs text-muted-foreground" data-testid="plan-manager">
            Decided by {view.manager.manager === "llm" ? `a model (${view.manager.model})` : "Bureau's manager"}
            {view.manager.fallbackReason ? `; the model's answer was set aside: ${view.manager.fallbackReason}` : ""}.
          </p>
        ) : null}
        {view.pendingApprovals.length ? (
          <div className="space-y-2" data-testid="plan-approvals">
            {view.pendingApprovals.map((approval) => (
              <PendingApproval key={approval.id} orgId={orgId} approval={approval} onDecided={() => void refetch()} />
            ))}
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          {view.run ? (
            <Button asChild variant="outline" size="sm">
              <Link href={`/workflows/runs/${view.run.id}`}>
                <GitBranch aria-hidden /> Open the plan's run
              </Link>
            </Button>
          ) : null}
          {decision && decision.kind !== "question" ? <SavePlan orgId={orgId} taskId={taskId} /> : null}
        </div>
      </CardContent>
    </Card>
  );
}

function PendingApproval(props: { orgId: string; approval: { id: string; title: string }; onDecided: () => void }) {
  const trpc = useTRPC();
  const decide = useMutation(
    trpc.approvals.decide.mutationOptions({
      onSuccess: (approval) => {
        toast.success(`${approval.state === "APPROVED" ? "Approved" : "Rejected"}: ${approval.title}`);
        props.onDecided();
      },
      onError: (error) => {
        toast.error(error.message);
        props.onDecided();
      },
    }),
  );
  const send = (decision: "approve" | "reject") =>
    decide.mutate({ orgId: props.orgId, approvalId: props.approval.id, decision, comment: null });
  return (
    <div
      className={
        "flex flex-wrap items-center justify-between gap-2 rounded-md border border-warning/50 bg-warning/10 p-3"
      }
    >
      <span>
        Waiting for approval: <span className="font-medium">{props.approval.title}</span>
      </span>
      <span className="flex gap-2">
        <Button size="sm" onClick={() => send("approve")} disabled={decide.isPending} data-testid="plan-approve">
          <Check aria-hidden /> Approve
        </Button>
        <Button size="sm" variant="outline" onClick={() => send("reject")} disabled={decide.isPending}>
          <X aria-hidden /> Reject
        </Button>
      </span>
    </div>
  );
}

function SavePlan({ orgId, taskId }: { orgId: string; taskId: string }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [open, setOpen] = useState(false);
  const save = useMutation(trpc.company.savePlan.mutationOptions());
  if (save.data)
    return (
      <Button asChild variant="link" size="sm">
        <Link href={`/workflows/${save.data.workflowId}`}>Saved: open the workflow</Link>
      </Button>
    );
  if (!open)
    return (
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        <Save aria-hidden /> Save as workflow
      </Button>
    );
  return (
    <form
      className="flex w-full flex-wrap items-center gap-2 sm:w-auto"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ orgId, taskId, name: name.trim() });
      }}
    >
      <Input
        aria-label="Workflow name"
        placeholder="Workflow name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        className="h-8 w-full sm:w-56"
        maxLength={120}
        required
      />
      <Button size="sm" type="submit" disabled={save.isPending || !name.trim()}>
        Save
      </Button>
      {save.error ? <span className="text-xs text-destructive">{save.error.message}</span> : null}
    </form>
  );
}
