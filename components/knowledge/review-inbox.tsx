"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toaster";
import type { Proposal } from "./knowledge-types";
import { ScopeBadge } from "./scope-badge";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

function ProposalCard({ orgId, proposal }: { orgId: string; proposal: Proposal }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const decide = useMutation(
    trpc.knowledge.decideProposal.mutationOptions({
      onSuccess: ({ state }) => {
        toast.success(state === "ACCEPTED" ? "Accepted: written to the knowledge graph." : "Rejected.");
        refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const { part } = proposal;
  return (
    <li className="grid gap-3 rounded-lg border bg-card p-4" data-testid="proposal">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{proposal.agent?.name ?? "An agent"}</span>
        <span className="text-muted-foreground">reported, {formatRelative(proposal.createdAt)}, from</span>
        <Link href={`/tasks/${proposal.taskId}`} className="text-primary hover:underline">
          a task
        </Link>
        <ScopeBadge department={proposal.department} />
      </div>
      <ul className="grid gap-2 text-sm">
        {part.entities.map((e) => (
          <li key={`${e.type}:${e.name}`} className="grid gap-1">
            <span>
              <span className="font-medium">{e.name}</span> <Badge variant="secondary">{e.type}</Badge>
            </span>
            {(e.observations ?? []).map((o, i) => (
              <span key={i} className="border-l-2 border-border pl-2 break-words text-muted-foreground">
                {o.text}
              </span>
            ))}
          </li>
        ))}
        {(part.relations ?? []).map((r, i) => (
          <li key={`r${i}`} className="text-muted-foreground">
            {r.from.name} {r.type.replace(/_/g, " ")} {r.to.name}
          </li>
        ))}
      </ul>
      {proposal.canDecide ? (
        <div className="flex gap-2">
          <Button
            size="sm"
            loading={decide.isPending && decide.variables?.decision === "accept"}
            onClick={() => decide.mutate({ orgId, id: proposal.id, decision: "accept" })}
          >
            Accept
          </Button>
          <Button
            size="sm"
            variant="outline"
            loading={decide.isPending && decide.variables?.decision === "reject"}
            onClick={() => decide.mutate({ orgId, id: proposal.id, decision: "reject" })}
          >
            Reject
          </Button>
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">A lead of this department, an admin or the owner decides.</p>
      )}
    </li>
  );
}

/** Agents' bureau/knowledge parts waiting for a member, under a department's REVIEW policy. */
export function ReviewInbox({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.knowledge.proposals.queryOptions({ orgId }));
  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() =>
        query.data!.length === 0 ? (
          <EmptyState
            icon={<Inbox />}
            title="Nothing to review"
            description="When an agent reports facts for a department that reviews them, they wait here."
          />
        ) : (
          <ul className="grid gap-3">
            {query.data!.map((p) => (
              <ProposalCard key={p.id} orgId={orgId} proposal={p} />
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}
