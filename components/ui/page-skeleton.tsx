import { Skeleton } from "./skeleton";

/**
 * A section's loading state while its server render streams in: the page
 * header, then either a row of stat tiles over a table, a table alone, or
 * stacked cards. Announced once to screen readers.
 */
export function PageSkeleton({ label, layout = "table" }: { label: string; layout?: "stats" | "table" | "cards" }) {
  return (
    <div className="space-y-6" role="status" aria-live="polite" data-testid="page-loading">
      <span className="sr-only">{label}</span>
      <div className="space-y-2 border-b border-border pb-5">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      {layout === "stats" ? (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : null}
      {layout === "cards" ? (
        <div className="space-y-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-40" />
          ))}
        </div>
      ) : (
        <div className="space-y-2 rounded-xl border border-border p-5">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      )}
    </div>
  );
}
