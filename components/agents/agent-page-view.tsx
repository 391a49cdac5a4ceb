import { ArrowLeft, Play, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { creditCount, formatCredits, formatRelative } from "@/components/format";
import type { ReviewItemData } from "@/components/reviews/review-item";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { HireButton } from "@/components/company/hire-dialog";
import { categoryLabel } from "@/server/schemas/categories";
import { AgentCallTabs } from "./agent-call-tabs";
import { AgentFacts, type AgentFactsData } from "./agent-facts";
import { AgentQualityCard, type QualityView } from "./agent-quality-card";
import { AgentReviewsSection } from "./agent-reviews-section";
import { CodeBlock } from "./code-block";
import { RatingLabel, StreamingBadge, TaskCount } from "./listing-badges";
import { AgentRunPanel, RunDraftProvider } from "./run-draft";
import type { Visitor } from "./sign-in-to-run";
import { SkillList, type SkillView } from "./skill-list";

export interface AgentPageData extends AgentFactsData {
  slug: string;
  name: string;
  description: string;
  pricePerTask: number;
  categories: string[];
  tags: string[];
  iconUrl: string | null;
  ratingAvg: number | null;
  ratingCount: number;
  healthFailures: number;
  skills: SkillView[];
  card: unknown;
  gateway: { jsonRpc: string; card: string };
}

/**
 * An agent's public page, rendered on the server with everything on it (no
 * loading skeleton on first paint). On a phone the run panel comes right
 * after the header; on a wide screen it heads the right-hand column.
 */
export function AgentPageView(props: {
  agent: AgentPageData;
  quality: QualityView;
  reviews: { items: ReviewItemData[]; nextCursor: string | null; older: boolean };
  visitor: Visitor;
  /** A request carried through sign-in (?prompt=…), to pick up where the visitor left off. */
  prompt: string;
  /** A member who may hire it into one of the org's departments (not a viewer). */
  canHire?: boolean;
}) {
  const { agent, quality } = props;
  const example = agent.skills.flatMap((s) => s.examples)[0] ?? `Hello ${agent.name}`;
  return (
    <RunDraftProvider initial={props.prompt}>
      <div className="space-y-6">
        <Link
          href="/marketplace"
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden />
          Marketplace
        </Link>
        <header className="flex flex-col gap-4 border-b border-border pb-6 sm:flex-row sm:items-start">
          <div className="flex min-w-0 flex-1 gap-4">
            <Avatar name={agent.name} src={agent.iconUrl} shape="square" size="xl" />
            <div className="min-w-0 flex-1 space-y-2">
              <h1 className="text-2xl font-semibold tracking-tight break-words">{agent.name}</h1>
              <p className="text-sm text-muted-foreground">by {agent.provider}</p>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                {agent.categories.map((c) => (
                  <Badge key={c} variant="secondary">
                    {categoryLabel(c)}
                  </Badge>
                ))}
                {agent.streaming ? <StreamingBadge /> : null}
                <RatingLabel average={agent.ratingAvg} count={agent.ratingCount} />
                <TaskCount count={quality.taskCount} />
              </div>
            </div>
          </div>
          <div
            className={cn(
              "flex items-center justify-between gap-4 rounded-xl border border-border bg-card p-4 shadow-xs",
              "sm:block sm:text-right",
            )}
          >
            <div>
              <div className="text-2xl font-semibold tabular-nums" data-testid="agent-price">
                {formatCredits(agent.pricePerTask)}
              </div>
              <div className="text-xs text-muted-foreground">credits per task</div>
            </div>
            <div className="flex flex-wrap items-center justify-end gap-2 sm:mt-3">
              <a href="#run" className={buttonVariants({ size: "sm", className: "lg:hidden" })}>
                <Play aria-hidden />
                Run
              </a>
              {props.canHire ? (
                <HireButton
                  agent={{
                    slug: agent.slug,
                    name: agent.name,
                    priceCredits: agent.pricePerTask,
                    iconUrl: agent.iconUrl,
                  }}
                />
              ) : null}
            </div>
          </div>
        </header>
        {agent.healthFlagged ? (
          <Alert variant="destructive" icon={<TriangleAlert />}>
            <AlertTitle>This agent is failing its health checks</AlertTitle>
            <AlertDescription>
              The last {agent.healthFailures} checks of its card and endpoint failed
              {agent.lastCheckedAt ? ` (latest ${formatRelative(agent.lastCheckedAt)})` : ""}. Tasks may fail until the
              seller fixes it.
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
          <div id="run" className="min-w-0 scroll-mt-6 lg:col-start-2 lg:row-start-1">
            <AgentRunPanel
              slug={agent.slug}
              price={agent.pricePerTask}
              placeholder={`e.g. ${example}`}
              visitor={props.visitor}
            />
          </div>
          <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
            <Card>
              <CardHeader>
                <CardTitle>About</CardTitle>
              </CardHeader>
              <CardContent>
                <p className="text-sm leading-relaxed break-words whitespace-pre-line">{agent.description}</p>
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
                <CardDescription>What it does. Click an example request to put it in the run form.</CardDescription>
              </CardHeader>
              <CardContent>
                <SkillList skills={agent.skills} examplesFillRun />
              </CardContent>
            </Card>
            <AgentReviewsSection slug={agent.slug} sellerName={agent.seller.name} {...props.reviews} />
            <Card className="min-w-0">
              <CardHeader>
                <CardTitle>Call it through Bureau</CardTitle>
                <CardDescription>
                  Use an org API key (Settings → API keys). Each task costs {creditCount(agent.pricePerTask)}
                  from your organization.
                </CardDescription>
              </CardHeader>
              <CardContent className="min-w-0">
                <AgentCallTabs gateway={agent.gateway} example={example} />
              </CardContent>
            </Card>
            <Card className="min-w-0">
              <CardHeader>
                <CardTitle>Agent Card</CardTitle>
                <CardDescription>
                  The card as the seller published it{agent.cardVersion ? ` (version ${agent.cardVersion})` : ""}.
                  Bureau serves a rewritten copy at the gateway.
                </CardDescription>
              </CardHeader>
              <CardContent className="min-w-0">
                <CodeBlock
                  label="agent card JSON"
                  code={JSON.stringify(agent.card, null, 2)}
                  testId="agent-card-json"
                />
              </CardContent>
            </Card>
          </div>
          <aside className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-2">
            <AgentQualityCard quality={quality} />
            <AgentFacts agent={agent} />
          </aside>
        </div>
      </div>
    </RunDraftProvider>
  );
}
