import { cn } from "@/components/ui/cn";

/** A value of the diff as a person reads it: text as itself, anything else as JSON; "—" for none. */
export function formatDiffValue(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  return JSON.stringify(value, null, 2);
}

/** "config.retry.maxAttempts" → "config › retry › maxAttempts", which wraps where a path is long. */
const readablePath = (path: string) => path.split(".").join(" › ");

/** One changed field: its path, what it was (red) and what it is (green). */
export function ValueChange({ path, before, after }: { path: string; before: unknown; after: unknown }) {
  return (
    <div className="grid gap-1.5" data-testid="diff-change" data-path={path}>
      <p className="font-mono text-xs text-muted-foreground">{readablePath(path)}</p>
      <div className="grid gap-1.5 sm:grid-cols-2">
        <DiffValue tone="before" value={before} />
        <DiffValue tone="after" value={after} />
      </div>
    </div>
  );
}

function DiffValue({ tone, value }: { tone: "before" | "after"; value: unknown }) {
  return (
    <pre
      data-testid={`diff-${tone}`}
      aria-label={tone === "before" ? "Before" : "After"}
      className={cn(
        "max-h-48 min-w-0 overflow-auto rounded-md border px-2 py-1.5",
        "font-mono text-xs break-words whitespace-pre-wrap",
        tone === "before"
          ? "border-destructive/25 bg-destructive/5 text-destructive line-through decoration-destructive/40"
          : "border-success/25 bg-success/10 text-success",
      )}
    >
      <span className="sr-only">{tone === "before" ? "Before: " : "After: "}</span>
      {formatDiffValue(value)}
    </pre>
  );
}
