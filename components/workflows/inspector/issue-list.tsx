import { CircleAlert, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { GraphIssue } from "../lib/types";

/** Everything the validation found on this node, errors first. */
export function IssueList({ issues }: { issues: readonly GraphIssue[] }) {
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className="grid gap-1.5" aria-label="Problems with this step" data-testid="inspector-issues">
      {sorted.map((issue, index) => {
        const error = issue.severity === "error";
        const Icon = error ? CircleAlert : TriangleAlert;
        return (
          <li
            key={`${issue.code}-${index}`}
            className={cn(
              "flex gap-2 rounded-md border px-2.5 py-2 text-xs",
              error ? "border-destructive/30 bg-destructive/5 text-destructive" : "border-warning/40 bg-warning/10",
            )}
          >
            <Icon
              aria-hidden
              className={cn("mt-px size-3.5 shrink-0", !error && "text-warning-foreground dark:text-warning")}
            />
            <span className={error ? undefined : "text-warning-foreground dark:text-warning"}>{issue.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
