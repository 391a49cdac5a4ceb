"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, Coins, Gauge, Stamp } from "lucide-react";
import { useEffect, useMemo, useRef } from "react";
import { formatCredits } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { LatencyChart, SpendChart, ThroughputChart } from "./console-charts";
import { AgentHealthCard, InFlightTable } from "./console-tables";
import type { ConsoleSnapshot } from "./console-types";
import { EventFeed } from "./event-feed";
import { movesSnapshot } from "./event-groups";
import { FeedBenchPanel } from "./feed-bench-panel";
import { FeedStore } from "./feed-store";
import { useOrgEventStream } from "./use-org-event-stream";

/** Task and credit events refetch the snapshot at most this often (leading and trailing). */
const REFETCH_THROTTLE_MS = 2_000;
/** The windows move on even when nothing happens. */
const IDLE_REFETCH_MS = 30_000;

function Tiles({ data }: { data: ConsoleSnapshot }) {
  const lastMinutes = data.throughput.slice(-5);
  const finished = lastMinutes.reduce((s, m) => s + m.finished, 0);
  const failed = lastMinutes.reduce((s, m) => s + m.failed, 0);
  const { spend } = data;
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      <Stat
        icon={<Activity />}
        label="In flight"
        value={<span data-testid="console-in-flight">{data.inFlight.total}</span>}
        hint={`across ${data.inFlight.byAgent.length} agent${data.inFlight.byAgent.length === 1 ? "" : "s"}`}
      />
      <Stat
        icon={<Gauge />}
        label="Finished, last 5 min"
        value={<span data-testid="console-finished">{finished}</span>}
        hint={failed ? `${failed} failed` : "none failed"}
      />
      <Stat
        icon={<Coins />}
        label={`Spent in ${spend.month}`}
        value={
          <span>
            {formatCredits(spend.monthCommittedCredits)}
            {spend.capCredits !== null ? (
              <span className="text-sm font-normal text-muted-foreground"> / {formatCredits(spend.capCredits)}</span>
            ) : null}
          </span>
        }
        hint={spend.capCredits !== null ? "charged and on hold against the cap" : "No monthly cap"}
      />
      <Stat
        icon={<Stamp />}
        label="Approvals waiting"
        value={<span className="text-base font-medium text-muted-foreground">—</span>}
        hint={<span data-testid="approvals-empty">Approvals arrive with departments</span>}
        data-testid="approvals-tile"
      />
    </div>
  );
}

function ConsoleSkeleton() {
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-72" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}

/**
 * The org's live operations view. The snapshot comes from tRPC; the feed
 * from the org event stream, whose task and credit events also refetch the
 * snapshot (throttled), so nothing needs a reload.
 */
export function ConsoleView({ feedbench = null }: { feedbench?: { rate: number } | null }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.console.snapshot.queryOptions({ orgId: org.id }),
    refetchInterval: IDLE_REFETCH_MS,
  });
  const store = useMemo(() => new FeedStore(), []);
  useEffect(() => () => store.dispose(), [store]);
  const status = useOrgEventStream(org.id, store);

  const refetch = useRef(query.refetch);
  useEffect(() => {
    refetch.current = query.refetch;
  });
  useEffect(() => {
    let last = 0;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      last = Date.now();
      trailing = null;
      void refetch.current();
    };
    const off = store.onBatch((batch) => {
      if (!batch.some(movesSnapshot) || trailing) return;
      const wait = REFETCH_THROTTLE_MS - (Date.now() - last);
      if (wait <= 0) run();
      else trailing = setTimeout(run, wait);
    });
    return () => {
      off();
      if (trailing) clearTimeout(trailing);
    };
  }, [store]);

  return (
    <div className="space-y-6">
      <PageHeader title="Console" description="Your company's operations, live." />
      {feedbench ? <FeedBenchPanel store={store} rate={feedbench.rate} /> : null}
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={<ConsoleSkeleton />}
      >
        {() => {
          const data = query.data!;
          return (
            <div className="space-y-6">
              <Tiles data={data} />
              <div className="grid gap-6 lg:grid-cols-2">
                <ThroughputChart minutes={data.throughput} />
                <SpendChart spend={data.spend} />
              </div>
              <div className="grid gap-6 lg:grid-cols-2">
                <InFlightTable inFlight={data.inFlight} />
                <LatencyChart latency={data.latency} />
              </div>
              <AgentHealthCard agents={data.agentHealth} />
            </div>
          );
        }}
      </QueryState>
      <EventFeed store={store} status={status} />
    </div>
  );
}
