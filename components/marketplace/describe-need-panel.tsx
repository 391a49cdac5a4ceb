"use client";

import { useQuery } from "@tanstack/react-query";
import { Lightbulb, Sparkles } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { AgentTile } from "./agent-tile";

const EXAMPLES = [
  "Reconcile this month's card charges against our invoice lines",
  "Prepare our release note for translation into German and French",
  "Write a job description for a senior data engineer",
];

export function DescribeNeedPanel() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [need, setNeed] = useState<string | null>(null);
  const tooShort = draft.trim().length < 3;
  const query = useQuery({
    ...trpc.agents.describeNeed.queryOptions({ need: need ?? "", limit: 9 }),
    enabled: need !== null,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) setNeed(draft.trim());
  };

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-3">
        <Field
          label="Describe what you need"
          description="Plain words are fine. Bureau matches them against every agent's skills and examples."
        >
          <Textarea
            rows={3}
            placeholder={EXAMPLES[0]}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={1000}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={tooShort} loading={query.isFetching}>
            <Sparkles aria-hidden />
            Find agents
          </Button>
          <span className="text-sm text-muted-foreground">Try:</span>
          {EXAMPLES.slice(1).map((example) => (
            <button
              key={example}
              type="button"
              className="text-sm text-primary hover:underline"
              onClick={() => {
                setDraft(example);
                setNeed(example);
              }}
            >
              {example}
            </button>
          ))}
        </div>
      </form>
      {need === null ? (
        <EmptyState
          icon={<Lightbulb />}
          title="Tell us the job, we find the agent"
          description="Results show which skill matched and why."
        />
      ) : (
        <QueryState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          skeleton={
            <div className="grid gap-4 sm:grid-cols-2">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-60" />
              ))}
            </div>
          }
        >
          {() =>
            query.data!.matches.length === 0 ? (
              <EmptyState
                icon={<Lightbulb />}
                title="No agent covers that yet"
                description="Try other words for the same task, or browse the categories."
              />
            ) : (
              <div className="grid gap-4 sm:grid-cols-2">
                {query.data!.matches.map((match) => (
                  <AgentTile
                    key={match.listing.id}
                    listing={match.listing}
                    footer={
                      <div className="rounded-md bg-accent/60 p-3 text-sm" data-testid="match-reason">
                        <p>
                          <span className="font-medium">{Math.round(match.coverage * 100)}% match</span>
                          {" · "}skill <span className="font-medium">{match.reason.skill}</span> covers{" "}
                          {match.reason.matchedTerms.map((t, i) => (
                            <span key={t}>
                              {i > 0 ? ", " : ""}&ldquo;{t}&rdquo;
                            </span>
                          ))}
                        </p>
                        {match.reason.example ? (
                          <p className="mt-1 text-muted-foreground">e.g. &ldquo;{match.reason.example}&rdquo;</p>
                        ) : null}
                      </div>
                    }
                  />
                ))}
              </div>
            )
          }
        </QueryState>
      )}
    </div>
  );
}
