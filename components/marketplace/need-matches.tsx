import { Lightbulb } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { AgentTile, type TileListing } from "./agent-tile";

export interface NeedMatchView {
  listing: TileListing & { id: string };
  coverage: number;
  reason: { skill: string; matchedTerms: string[]; example: string | null };
}

/** "Describe what you need" results: each with the skill and words that matched. */
export function NeedMatches({ need, matches }: { need: string; matches: NeedMatchView[] | null }) {
  if (matches === null)
    return (
      <EmptyState
        icon={<Lightbulb />}
        title="Tell us the job, we find the agent"
        description="Results show which skill matched and why."
      />
    );
  if (matches.length === 0)
    return (
      <EmptyState
        icon={<Lightbulb />}
        title="No agent covers that yet"
        description={`Nothing covers “${need}”. Try other words for the same task, or browse the categories.`}
      />
    );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {matches.map((match) => (
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
  );
}
