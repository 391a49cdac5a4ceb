import { CircleAlert, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { countBySeverity } from "../lib/issues";
import type { GraphIssue } from "../lib/types";

/** Red and amber counts of a node's issues; the messages are in the tooltip and the inspector. */
export function IssueBadges({ issues, className }: { issues: readonly GraphIssue[]; className?: string }) {
  if (issues.length === 0) return null;
  const { errors, warnings } = countBySeverity(issues);
  const title = issues.map((i) => `${i.severity === "error" ? "Error" : "Warning"}: ${i.message}`).join("\n");
  return (
    <span className={cn("flex shrink-0 items-center gap-1", className)} title={title} data-testid="node-issues">
      {errors > 0 ? (
        <span
          className={cn(
            "inline-flex h-5 items-center gap-0.5 rounded-full bg-destructive px-1.5 text-[11px] font-semibold",
            "text-destructive-foreground",
          )}
          aria-label={`${errors} ${errors === 1 ? "error" : "errors"}`}
        >
          <CircleAlert aria-hidden className="size-3" />
          {errors}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span
          className={cn(
            "inline-flex h-5 items-center gap-0.5 rounded-full bg-warning px-1.5 text-[11px] font-semibold",
            "text-warning-foreground",
          )}
          aria-label={`${warnings} ${warnings === 1 ? "warning" : "warnings"}`}
        >
          <TriangleAlert aria-hidden className="size-3" />
          {warnings}
        </span>
      ) : null}
    </span>
  );
}
