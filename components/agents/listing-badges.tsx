import { Activity, Radio, Star, TriangleAlert } from "lucide-react";
import { plural } from "@/components/format";
import { Badge } from "@/components/ui/badge";

const compact = new Intl.NumberFormat("en-US", { notation: "compact" });

/** "4.8 (12 reviews)" or "No ratings yet". */
export function RatingLabel({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <span className="text-muted-foreground">No ratings yet</span>;
  return (
    <span
      className="inline-flex items-center gap-1"
      aria-label={`Rated ${average.toFixed(1)} out of 5 from ${plural(count, { one: "review", other: "reviews" })}`}
    >
      <Star className="size-3.5 fill-warning text-warning" aria-hidden />
      <span className="font-medium">{average.toFixed(1)}</span>
      <span className="text-muted-foreground">({compact.format(count)})</span>
    </span>
  );
}

/** Finished tasks, the same number everywhere a listing shows one ("1 task run", "1,204 tasks run"). */
export function TaskCount({ count }: { count: number }) {
  return (
    <span className="text-muted-foreground" data-testid="task-count">
      {count === 0 ? "New" : plural(count, { one: "task run", other: "tasks run" })}
    </span>
  );
}

export function HealthBadge({ health, flagged }: { health: "UNKNOWN" | "HEALTHY" | "FAILING"; flagged: boolean }) {
  if (flagged)
    return (
      <Badge variant="destructive">
        <TriangleAlert aria-hidden />
        Failing health checks
      </Badge>
    );
  if (health === "HEALTHY")
    return (
      <Badge variant="success">
        <Activity aria-hidden />
        Healthy
      </Badge>
    );
  if (health === "FAILING")
    return (
      <Badge variant="warning">
        <Activity aria-hidden />
        Last check failed
      </Badge>
    );
  return (
    <Badge variant="outline">
      <Activity aria-hidden />
      Not checked yet
    </Badge>
  );
}

export function StreamingBadge() {
  return (
    <Badge variant="secondary">
      <Radio aria-hidden />
      Streaming
    </Badge>
  );
}
