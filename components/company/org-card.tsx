import { Building2 } from "lucide-react";
import { Meter } from "@/components/charts/meter";
import { spendLine } from "./company-format";

export interface OrgFigures {
  name: string;
  capCredits: number | null;
  spentCredits: number;
}

/** The top of the chart: the org itself, its month's spend against the org cap. */
export function OrgCard({ org }: { org: OrgFigures }) {
  return (
    <article
      className="flex h-full flex-col justify-center gap-2 rounded-xl border border-primary/30 bg-primary/5 p-3"
      data-testid="org-card"
    >
      <h3 className="flex min-w-0 items-center gap-2 text-sm font-semibold">
        <Building2 className="size-4 shrink-0 text-primary" aria-hidden />
        <span className="truncate">{org.name}</span>
      </h3>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="text-muted-foreground">Org spend this month</span>
        <span className="font-medium tabular-nums">{spendLine(org.spentCredits, org.capCredits)}</span>
      </div>
      {org.capCredits !== null ? (
        <Meter value={org.spentCredits} max={org.capCredits} tone="budget" label="Org spend against the org cap" />
      ) : (
        <div className="h-2 rounded-full bg-muted" aria-hidden />
      )}
    </article>
  );
}
