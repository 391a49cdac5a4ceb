"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { BookOpen, Search, SearchX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { plural } from "@/components/format";
import { useDebounced } from "@/components/marketplace/use-debounced";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { SEARCH_QUERY_MAX_LENGTH } from "@/server/services/knowledge/knowledge-limits.types";
import { ScopeBadge } from "./scope-badge";
import { SearchResultItem } from "./search-results";

function ListSkeleton() {
  return (
    <div className="grid gap-3" role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-24" />
      ))}
    </div>
  );
}

/** The entities in reach, most recently changed first, when nothing is searched. */
function Browse(props: { orgId: string; type: string; scope: string; emptyAction: React.ReactNode }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.knowledge.entities.infiniteQueryOptions(
      { orgId: props.orgId, type: props.type || null, scope: props.scope || null, limit: 30 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: null },
    ),
  );
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={<ListSkeleton />}
    >
      {() => {
        const items = query.data!.pages.flatMap((p) => p.items);
        if (items.length === 0)
          return (
            <EmptyState
              icon={<BookOpen />}
              title={props.type || props.scope ? "Nothing matches these filters" : "No knowledge yet"}
              description={
                props.type || props.scope
                  ? "Clear the filters to see everything you can."
                  : "Add what the company knows: customers, people, products and the facts about them. Agents can " +
                    "add to it too, and any task result can be saved here."
              }
              action={props.type || props.scope ? null : props.emptyAction}
            />
          );
        return (
          <div className="grid gap-3">
            <ul className="grid gap-2" data-testid="entity-list">
              {items.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center gap-2 rounded-lg border bg-card px-4 py-3">
                  <Link href={`/knowledge/${e.id}`} className="min-w-0 font-medium break-words hover:underline">
                    {e.name}
                  </Link>
                  <Badge variant="secondary">{e.type}</Badge>
                  <ScopeBadge department={e.department} />
                  <span className="ml-auto text-xs text-muted-foreground">
                    {plural(e.observationCount, { one: "fact", other: "facts" })}
                  </span>
                </li>
              ))}
            </ul>
            {query.hasNextPage ? (
              <Button
                variant="outline"
                className="justify-self-center"
                loading={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                Show more
              </Button>
            ) : null}
          </div>
        );
      }}
    </QueryState>
  );
}

/**
 * Search and browse: typing searches (hybrid: words, similar spelling and,
 * where the server has them, vectors); each result shows the passage that
 * matched and where it came from. The query lives in the URL (?q=).
 */
export function KnowledgeSearch({ orgId, emptyAction }: { orgId: string; emptyAction: React.ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const [type, setType] = useState(params.get("type") ?? "");
  const [scope, setScope] = useState(params.get("scope") ?? "");
  const query = useDebounced(text.trim(), 250);
  useEffect(() => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of [
      ["q", query],
      ["type", type],
      ["scope", scope],
    ] as const)
      if (value) next.set(key, value);
      else next.delete(key);
    if (next.toString() !== params.toString()) router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }, [query, type, scope, params, pathname, router]);
  const scopes = useQuery(trpc.knowledge.scopes.queryOptions({ orgId }));
  const types = useQuery(trpc.knowledge.entities.queryOptions({ orgId, limit: 1 }));
  const search = useQuery({
    ...trpc.knowledge.search.queryOptions({ orgId, query, type: type || null, scope: scope || null, limit: 20 }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });

  return (
    <div className="grid gap-4">
      <form
        role="search"
        className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto_auto]"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            type="search"
            aria-label="Search knowledge"
            placeholder="Search names, facts, questions…"
            className="pl-9"
            value={text}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <NativeSelect aria-label="Type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">Every type</option>
          {(types.data?.types ?? []).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Scope" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="">Every scope</option>
          <option value="org">Organization-wide</option>
          {(scopes.data?.departments ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </NativeSelect>
      </form>
      {query ? (
        <QueryState
          isPending={search.isPending}
          error={search.error}
          onRetry={() => void search.refetch()}
          skeleton={<ListSkeleton />}
        >
          {() => {
            const answer = search.data!;
            return (
              <div className="grid gap-3" aria-live="polite">
                <p className="text-xs text-muted-foreground" data-testid="search-mode">
                  {plural(answer.results.length, { one: "result", other: "results" })} ·{" "}
                  {answer.vectors.available
                    ? "words, similar spelling and meaning"
                    : "words and similar spelling (vector search is not set up on this server)"}
                </p>
                {answer.results.length === 0 ? (
                  <EmptyState
                    icon={<SearchX />}
                    title={`Nothing found for “${answer.query}”`}
                    description="Try other words, a name, or fewer filters. Only what you may see is searched."
                  />
                ) : (
                  <ul className="grid gap-3">
                    {answer.results.map((r) => (
                      <SearchResultItem key={r.entity.id} result={r} query={answer.query} />
                    ))}
                  </ul>
                )}
              </div>
            );
          }}
        </QueryState>
      ) : (
        <Browse orgId={orgId} type={type} scope={scope} emptyAction={emptyAction} />
      )}
    </div>
  );
}
