"use client";

import { SearchX } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useMemberNames } from "@/components/approvals/use-member-names";
import { useOrg } from "@/components/providers/org-context";
import { QueryState } from "@/components/query-state";
import { useNow } from "@/components/tasks/use-now";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { nodeStatesOf, runIssues } from "./node-states";
import { RunCanvas } from "./run-canvas";
import { isActiveRun } from "./run-format";
import { RunHeader } from "./run-header";
import { RunIo } from "./run-io";
import { RunApprovals, RunErrorAlert } from "./run-notices";
import { RunStats } from "./run-stats";
import type { RunDetail } from "./run-types";
import { StepList } from "./step-list";
import { useListingNames } from "./use-listing-names";
import { useLiveRun } from "./use-live-run";
import type { OrgEventsStatus } from "./use-org-events";

/** The open step lives in the address (`?node=`), so a link from the inbox opens it and a reload keeps it. */
function writeNodeToUrl(nodeId: string | null) {
  const url = new URL(window.location.href);
  if (nodeId) url.searchParams.set("node", nodeId);
  else url.searchParams.delete("node");
  window.history.replaceState(null, "", `${url.pathname}${url.search}`);
}

export function RunView({ runId, initialNode }: { runId: string; initialNode: string | null }) {
  const { org } = useOrg();
  const { query, run, status, refetch } = useLiveRun(org.id, runId);
  if (query.error?.data?.code === "NOT_FOUND") {
    return (
      <EmptyState
        icon={<SearchX />}
        title="Run not found"
        description={`No workflow run with this address belongs to ${org.name}. It may belong to another organization.`}
        action={
          <Button asChild variant="outline">
            <Link href="/workflows/runs">All workflow runs</Link>
          </Button>
        }
      />
    );
  }
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void refetch()}
      skeleton={
        <div className="space-y-6">
          <Skeleton className="h-20" />
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
          <Skeleton className="h-[28rem]" />
        </div>
      }
    >
      {() => <RunPage run={run!} status={status} refetch={() => void refetch()} initialNode={initialNode} />}
    </QueryState>
  );
}

function RunPage(props: { run: RunDetail; status: OrgEventsStatus; refetch: () => void; initialNode: string | null }) {
  const { run } = props;
  const { org } = useOrg();
  const [selected, setSelected] = useState(() =>
    props.initialNode && run.graph.nodes.some((n) => n.id === props.initialNode) ? props.initialNode : null,
  );
  const select = (nodeId: string | null) => {
    setSelected(nodeId);
    writeNodeToUrl(nodeId);
  };
  const nodeStates = useMemo(() => nodeStatesOf(run.graph, run.steps, run.state), [run.graph, run.steps, run.state]);
  const issues = useMemo(() => runIssues(run.steps), [run.steps]);
  const now = useNow(isActiveRun(run.state));
  const members = useMemberNames(org.id);
  const listings = useListingNames(run.graph);
  const nodeName = (id: string) => run.graph.nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <div className="space-y-6" data-testid="run-page" data-run-state={run.state}>
      <RunHeader run={run} status={props.status} refetch={props.refetch} />
      <RunStats run={run} nodeStates={nodeStates} now={now} />
      {run.error ? <RunErrorAlert error={run.error} nodeName={nodeName} onShowNode={select} /> : null}
      <RunApprovals approvals={run.pendingApprovals} members={members} />
      <RunCanvas
        run={run}
        nodeStates={nodeStates}
        issues={issues}
        listings={listings}
        members={members}
        selectedId={selected}
        onSelect={select}
        now={now}
        refetch={props.refetch}
      />
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Steps</CardTitle>
        </CardHeader>
        <CardContent className="pt-3">
          <StepList
            graph={run.graph}
            steps={run.steps}
            nodeStates={nodeStates}
            selectedId={selected}
            onSelect={select}
            now={now}
          />
        </CardContent>
      </Card>
      <RunIo run={run} />
    </div>
  );
}
