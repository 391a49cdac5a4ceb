"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { formatDateTime, formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { REVISION_LABELS } from "./knowledge-format";
import type { Revision } from "./knowledge-types";

const ACTOR_KIND: Record<string, string> = { user: "", apiKey: "API key ", agent: "agent ", workflow: "workflow run " };

/** One revision's detail in a line: the fact, the relation, or each field's before and after. */
function detail(revision: Revision): string | null {
  const changes = (revision.changes ?? {}) as Record<string, unknown>;
  if (typeof changes.text === "string") return `“${changes.text}”`;
  if (typeof changes.type === "string" && revision.action.startsWith("relation"))
    return changes.type.replace(/_/g, " ");
  if (revision.action === "entity.updated")
    return Object.entries(changes)
      .filter(([, v]) => typeof v === "object" && v !== null && "to" in v)
      .map(([field, v]) => {
        const { from, to } = v as { from: unknown; to: unknown };
        const show = (x: unknown) => (Array.isArray(x) ? x.join(", ") || "none" : String(x ?? "none"));
        return `${field}: ${show(from)} → ${show(to)}`;
      })
      .join("; ");
  return null;
}

/** Who changed what on the entity, newest first. */
export function EntityHistory({ orgId, entityId }: { orgId: string; entityId: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.knowledge.history.infiniteQueryOptions(
      { orgId, id: entityId },
      { getNextPageParam: (last) => last.nextBefore ?? undefined, initialCursor: null },
    ),
  );
  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() => (
        <div className="grid gap-3">
          <ol className="grid gap-2" data-testid="history">
            {query
              .data!.pages.flatMap((p) => p.items)
              .map((r) => (
                <li key={r.id} className="grid gap-0.5 border-l-2 border-border pl-3 text-sm">
                  <span>
                    <span className="font-medium">
                      {ACTOR_KIND[r.actor.kind] ?? ""}
                      {r.actor.name ?? (r.actor.kind === "workflow" ? r.actor.id : "someone")}
                    </span>{" "}
                    {REVISION_LABELS[r.action] ?? r.action}
                  </span>
                  {detail(r) ? <span className="break-words text-muted-foreground">{detail(r)}</span> : null}
                  <time
                    className="text-xs text-muted-foreground"
                    dateTime={r.at.toISOString()}
                    title={formatDateTime(r.at)}
                  >
                    {formatRelative(r.at)}
                  </time>
                </li>
              ))}
          </ol>
          {query.hasNextPage ? (
            <Button
              variant="outline"
              size="sm"
              className="justify-self-start"
              loading={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              Older changes
            </Button>
          ) : null}
        </div>
      )}
    </QueryState>
  );
}
