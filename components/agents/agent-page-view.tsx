"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, SearchX, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatCredits, formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { AgentReviews } from "@/components/reviews/agent-reviews";
import { AgentQuality } from "@/components/tasks/agent-quality";
import { RunTaskPanel } from "@/components/tasks/run-task-panel";
import { categoryLabel } from "@/server/services/registry/categories";
import { AgentCallTabs } from "./agent-call-tabs";
import { AgentFacts } from "./agent-facts";
import { CodeBlock } from "./code-block";
import { RatingLabel, StreamingBadge, TaskCount } from "./listing-badges";
import { SkillList } from "./skill-list";

export function AgentPageView({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.agents.get.queryOptions({ slug }),
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
  });
  const back = (
    <Link
      href="/marketplace"
      className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
    >
      <ArrowLeft className="size-4" aria-hidden />
      Marketplace
    </Link>
  );

  if (query.error?.data?.code === "NOT_FOUND") {
    return (
      <div className="space-y-6">
        {back}
        <EmptyState
          icon={<SearchX />}
          title="Agent not found"
          description="It may have been unlisted, or the address is mistyped."
          action={
            <Button asChild variant="outline">
              <Link href="/marketplace">Browse the marketplace</Link>
            </Button>
          }
        />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {back}
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="space-y-4">
            <Skeleton className="h-20" />
            <Skeleton className="h-72" />
          </div>
        }
      >
        {() => {
          const agent = query.data!;
          const example = agent.skills.flatMap((s) => s.examples)[0] ?? `Hello ${agent.name}`;
          return (
            <>
              <header className="flex flex-col gap-4 border-b border-border pb-6 sm:flex-row sm:items-start">
                <Avatar name={agent.name} src={agent.iconUrl} shape="square" size="xl" />
                <div className="min-w-0 flex-1 space-y-2">
                  <h1 className="text-2xl font-semibold tracking-tight">{agent.name}</h1>
                  <p className="text-sm text-muted-foreground">by {agent.provider}</p>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    {agent.categories.map((c) => (
                      <Badge key={c} variant="secondary">
                        {categoryLabel(c)}
                      </Badge>
                    ))}
                    {agent.streaming ? <StreamingBadge /> : null}
                    <RatingLabel average={agent.ratingAvg} count={agent.ratingCount} />
                    <TaskCount count={agent.taskCount} />
                  </div>
                </div>
                <div className="rounded-xl border border-border bg-card p-4 text-right shadow-xs">
                  <div className="text-2xl font-semibold tabular-nums" data-testid="agent-price">
                    {formatCredits(agent.pricePerTask)}
                  </div>
                  <div className="text-xs text-muted-foreground">credits per task</div>
                </div>
              </header>
              {agent.healthFlagged ? (
                <Alert variant="destructive" icon={<TriangleAlert />}>
                  <AlertTitle>This agent is failing its health checks</AlertTitle>
                  <AlertDescription>
                    The last {agent.healthFailures} checks of its card and endpoint failed
                    {agent.lastCheckedAt ? ` (latest ${formatRelative(agent.lastCheckedAt)})` : ""}. Tasks may fail
                    until the seller fixes it.
                  </AlertDescription>
                </Alert>
              ) : null}
              <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
                <div className="min-w-0 space-y-6">
                  <Card>
                    <CardHeader>
                      <CardTitle>About</CardTitle>
                    </CardHeader>
                    <CardContent>
                      <p className="whitespace-pre-line text-sm leading-relaxed">{agent.description}</p>
                      {agent.tags.length ? (
                        <div className="mt-3 flex flex-wrap gap-1">
                          {agent.tags.map((t) => (
                            <Badge key={t} variant="outline">
                              {t}
                            </Badge>
                          ))}
                        </div>
                      ) : null}
                    </CardContent>
                  </Card>
                  <Card>
                    <CardHeader>
                      <CardTitle>Skills</CardTitle>
                      <CardDescription>What it does, with example requests.</CardDescription>
                    </CardHeader>
                    <CardContent>
                      <SkillList skills={agent.skills} />
                    </CardContent>
                  </Card>
                  <AgentReviews slug={agent.slug} sellerName={agent.seller.name} />
                  <Card>
                    <CardHeader>
                      <CardTitle>Call it through Bureau</CardTitle>
                      <CardDescription>
                        Use an org API key (Settings → API keys). Each task costs {formatCredits(agent.pricePerTask)}{" "}
                        credits from your organization.
                      </CardDescription>
                    </CardHeader>
                    <CardContent>
                      <AgentCallTabs gateway={agent.gateway} example={example} />
                    </CardContent>
                  </Card>
                  <Card>
                    <CardHeader>
                      <CardTitle>Agent Card</CardTitle>
                      <CardDescription>
                        The card as the seller published it{agent.cardVersion ? ` (version ${agent.cardVersion})` : ""}.
                        Bureau serves a rewritten copy at the gateway.
                      </CardDescription>
                    </CardHeader>
                    <CardContent>
                      <CodeBlock label="agent card JSON" code={JSON.stringify(agent.card, null, 2)} />
                    </CardContent>
                  </Card>
                </div>
                <aside className="space-y-6">
                  <RunTaskPanel agentSlug={agent.slug} price={agent.pricePerTask} placeholder={`e.g. ${example}`} />
                  <AgentQuality slug={agent.slug} />
                  <AgentFacts agent={agent} />
                </aside>
              </div>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
