import { History } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

interface Version {
  version: number;
  cardVersion: string | null;
  source: string;
  createdAt: Date;
  changes: { path: string; kind: "added" | "removed" | "changed"; before: string | null; after: string | null }[];
}

const SOURCE: Record<string, string> = {
  url: "fetched from the card URL",
  paste: "pasted",
  refresh: "re-fetched by you",
  health: "found by a health check",
  seed: "demo seed",
};
const KIND = { added: "success", removed: "destructive", changed: "warning" } as const;

/** Each card snapshot with what changed since the one before. */
export function VersionHistory({ versions }: { versions: Version[] }) {
  if (versions.length === 0) return <EmptyState icon={<History />} title="No versions" />;
  return (
    <ol className="space-y-4">
      {versions.map((v, i) => (
        <li key={v.version} className="rounded-lg border border-border p-4" data-testid="card-version">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">Version {v.version}</span>
            {v.cardVersion ? <Badge variant="outline">card {v.cardVersion}</Badge> : null}
            <span className="text-muted-foreground">
              {SOURCE[v.source] ?? v.source} · {formatDateTime(v.createdAt)}
            </span>
          </div>
          {i === versions.length - 1 ? (
            <p className="mt-2 text-sm text-muted-foreground">First version.</p>
          ) : v.changes.length === 0 ? (
            <p className="mt-2 text-sm text-muted-foreground">Same content, new snapshot.</p>
          ) : (
            <ul className="mt-2 space-y-1.5 text-sm">
              {v.changes.map((c) => (
                <li key={c.path} className="grid gap-1 sm:grid-cols-[auto_1fr] sm:items-baseline sm:gap-2">
                  <span className="flex items-center gap-2">
                    <Badge variant={KIND[c.kind]}>{c.kind}</Badge>
                    <code className="text-xs">{c.path}</code>
                  </span>
                  <span className="min-w-0 break-words text-xs">
                    {c.before !== null ? <del className="text-destructive">{c.before}</del> : null}
                    {c.before !== null && c.after !== null ? " → " : null}
                    {c.after !== null ? <ins className="text-success no-underline">{c.after}</ins> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
