"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, CirclePause, Clock, SearchX, TriangleAlert, Undo2 } from "lucide-react";
import Link from "next/link";
import { HealthBadge } from "@/components/agents/listing-badges";
import { SkillList } from "@/components/agents/skill-list";
import { formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { HealthHistory } from "./health-history";
import { ListingActions } from "./listing-actions";
import { ListingTermsForm } from "./listing-terms-form";
import { StatusBadge } from "./status-badge";
import { TestRunCard } from "./test-run-card";
import { VersionHistory } from "./version-history";

export function ListingDetailView({ agentId }: { agentId: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const canManage = org.role === "owner" || org.role === "admin";
  const query = useQuery({
    ...trpc.sell.get.queryOptions({ orgId: org.id, agentId }),
    retry: (n, e) => e.data?.code !== "NOT_FOUND" && n < 1,
  });
  const refetch = () => void query.refetch();
  const back = (
    <Link href="/sell" className="inline-flex items-center gap-1 hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden />
      Sell
    </Link>
  );

  if (query.error?.data?.code === "NOT_FOUND") {
    return (
      <div className="space-y-6">
        {back}
        <EmptyState
          icon={<SearchX />}
          title="Listing not found"
          description={`No listing of ${org.name} has this address.`}
        />
      </div>
    );
  }
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={refetch}
      skeleton={
        <div className="space-y-4">
          <Skeleton className="h-16" />
          <Skeleton className="h-80" />
        </div>
      }
    >
      {() => {
        const l = query.data!;
        return (
          <div className="space-y-6">
            <PageHeader
              eyebrow={back}
              title={l.name}
              description={
                <span className="flex flex-wrap items-center gap-2">
                  <StatusBadge phase={l.phase} />
                  <span>
                    Version {l.currentVersion} · {l.slug}
                  </span>
                </span>
              }
              actions={canManage ? <ListingActions orgId={org.id} listing={l} onChanged={refetch} /> : null}
            />
            {l.statusReason ? (
              <Alert
                variant={l.status === "SUSPENDED" ? "destructive" : "warning"}
                icon={<TriangleAlert />}
                data-testid="status-reason"
              >
                <AlertTitle>
                  {l.status === "SUSPENDED"
                    ? "Suspended by Bureau"
                    : l.status === "DRAFT"
                      ? "Changes requested by the reviewer"
                      : "Back in review"}
                </AlertTitle>
                <AlertDescription>{l.statusReason}</AlertDescription>
              </Alert>
            ) : l.phase === "PAUSED" ? (
              <Alert icon={<CirclePause />} data-testid="paused-notice">
                <AlertTitle>Paused</AlertTitle>
                <AlertDescription>
                  Off the marketplace: buyers cannot start new tasks. Resume it when you are ready; no review is needed.
                </AlertDescription>
              </Alert>
            ) : l.phase === "UNPUBLISHED" ? (
              <Alert icon={<Undo2 />}>
                <AlertTitle>Unpublished</AlertTitle>
                <AlertDescription>
                  A draft again: test it, change it, and submit it for review to be back on the marketplace.
                </AlertDescription>
              </Alert>
            ) : l.status === "IN_REVIEW" ? (
              <Alert icon={<Clock />}>
                <AlertTitle>Waiting for review</AlertTitle>
                <AlertDescription>
                  A Bureau admin will approve it or tell you what to change
                  {l.submittedAt ? ` (submitted ${formatRelative(l.submittedAt)})` : ""}.
                </AlertDescription>
              </Alert>
            ) : null}
            <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
              <div className="min-w-0 space-y-6">
                <Card>
                  <CardHeader>
                    <CardTitle>Card versions</CardTitle>
                    <CardDescription>Each change to the card is kept, with what changed.</CardDescription>
                  </CardHeader>
                  <CardContent>
                    <VersionHistory versions={l.versions} />
                  </CardContent>
                </Card>
                <Card>
                  <CardHeader>
                    <CardTitle>Skills</CardTitle>
                    <CardDescription>From the current card.</CardDescription>
                  </CardHeader>
                  <CardContent>
                    <SkillList skills={l.skills} />
                  </CardContent>
                </Card>
                <Card>
                  <CardHeader>
                    <CardTitle className="flex items-center gap-2">
                      Health <HealthBadge health={l.health} flagged={l.healthFlagged} />
                    </CardTitle>
                    <CardDescription>
                      Card re-fetched and endpoint probed on publish and every 15 minutes; 3 failures in a row flag the
                      listing.
                    </CardDescription>
                  </CardHeader>
                  <CardContent>
                    <HealthHistory checks={l.healthChecks} />
                  </CardContent>
                </Card>
              </div>
              <div className="min-w-0 space-y-6">
                {canManage && l.status === "DRAFT" ? (
                  <TestRunCard orgId={org.id} agentId={l.id} examples={l.skills.flatMap((s) => s.examples)} />
                ) : null}
                <ListingTermsForm
                  key={`${l.pricePerTask}:${l.categories.join()}:${l.tags.join()}`}
                  orgId={org.id}
                  agentId={l.id}
                  canManage={canManage}
                  initial={l}
                  onSaved={refetch}
                />
                <Card>
                  <CardHeader>
                    <CardTitle>Endpoint</CardTitle>
                  </CardHeader>
                  <CardContent className="space-y-2 text-sm">
                    <p className="break-all">
                      <span className="text-muted-foreground">JSON-RPC: </span>
                      {l.endpointUrl}
                    </p>
                    <p className="break-all">
                      <span className="text-muted-foreground">Card: </span>
                      {l.cardUrl ?? "pasted JSON"}
                    </p>
                    <p>
                      <span className="text-muted-foreground">Streaming: </span>
                      {l.streaming ? "yes" : "no"} · <span className="text-muted-foreground">Push: </span>
                      {l.pushNotifications ? "yes" : "no"}
                    </p>
                  </CardContent>
                </Card>
              </div>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
