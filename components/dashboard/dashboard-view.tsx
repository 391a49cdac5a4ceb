"use client";

import { useQuery } from "@tanstack/react-query";
import { Coins, History, KeyRound, Lock, Users } from "lucide-react";
import Link from "next/link";
import { formatCredits, formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";

const ACTIONS: Record<string, string> = {
  "credits.granted": "Credits granted",
  "credits.purchased": "Credits purchased",
  "credits.refunded": "Purchase refunded",
  "budget.threshold_crossed": "Budget 80% reached",
  "budget.set": "Budget set",
  "budget.removed": "Budget removed",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "agent.created": "Agent listing created",
  "agent.submitted": "Agent submitted for review",
  "agent.approved": "Agent approved",
  "agent.rejected": "Agent rejected",
  "agent.suspended": "Agent suspended",
  "agent.card_updated": "Agent card updated",
  "agent.terms_updated": "Agent price or terms updated",
};

export function DashboardView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.orgs.dashboard.queryOptions({ orgId: org.id }));

  return (
    <div className="space-y-8">
      <PageHeader title={org.name} description="Your organization at a glance." />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
        }
      >
        {() => {
          const data = query.data!;
          return (
            <>
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <Card>
                  <CardContent className="pt-6">
                    <Stat
                      icon={<Coins />}
                      label="Credits available"
                      value={<span data-testid="credits-available">{formatCredits(data.balance.available)}</span>}
                      hint="Spendable on tasks"
                    />
                  </CardContent>
                </Card>
                <Card>
                  <CardContent className="pt-6">
                    <Stat
                      icon={<Lock />}
                      label="Credits on hold"
                      value={formatCredits(data.balance.held)}
                      hint="Reserved by running tasks"
                    />
                  </CardContent>
                </Card>
                <Card>
                  <CardContent className="pt-6">
                    <Stat
                      icon={<Users />}
                      label="Members"
                      value={data.memberCount}
                      hint={
                        data.pendingInvitationCount
                          ? `${data.pendingInvitationCount} invitation(s) pending`
                          : "No pending invitations"
                      }
                    />
                  </CardContent>
                </Card>
                <Card>
                  <CardContent className="pt-6">
                    <Stat
                      icon={<KeyRound />}
                      label="Active API keys"
                      value={data.activeApiKeyCount}
                      hint={
                        <Link className="text-primary hover:underline" href="/settings/api-keys">
                          Manage keys
                        </Link>
                      }
                    />
                  </CardContent>
                </Card>
              </div>
              <Card>
                <CardHeader>
                  <CardTitle>Recent activity</CardTitle>
                  <CardDescription>From this organization&apos;s audit log.</CardDescription>
                </CardHeader>
                <CardContent>
                  {data.recentActivity.length === 0 ? (
                    <EmptyState
                      icon={<History />}
                      title="Nothing yet"
                      description="Credits, keys and member changes will show up here."
                    />
                  ) : (
                    <ul className="divide-y divide-border">
                      {data.recentActivity.map((item) => (
                        <li key={item.id} className="flex items-center justify-between py-2.5 text-sm">
                          <span>
                            {ACTIONS[item.action] ?? item.action}
                            <span className="text-muted-foreground">
                              {item.actorName ? ` · ${item.actorName}` : " · Bureau"}
                            </span>
                          </span>
                          <time className="text-muted-foreground" dateTime={item.createdAt.toISOString()}>
                            {formatRelative(item.createdAt)}
                          </time>
                        </li>
                      ))}
                    </ul>
                  )}
                </CardContent>
              </Card>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
