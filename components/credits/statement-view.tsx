"use client";

import { PagedList } from "@/components/paged-list";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Lock, ScrollText, SearchX } from "lucide-react";
import Link from "next/link";
import { useUrlFilters } from "@/components/billing/use-url-filters";
import { useKeyedCursorPages } from "@/components/billing/use-keyed-cursor-pages";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ZStatementQuerySchema } from "@/server/schemas/statement-filter";
import type { StatementKind } from "@/server/schemas/statement-kinds";
import { StatementFilters, type StatementFilterValues } from "./statement-filters";
import { StatementTable } from "./statement-table";

const PAGE_SIZE = 25;
const FILTER_KEYS = ["kind", "from", "to"] as const;

/** Field messages for filters the URL carries but the statement refuses (same schema as the server). */
function parseFilters(values: StatementFilterValues) {
  const parsed = ZStatementQuerySchema.safeParse({
    kinds: values.kind ? [values.kind] : null,
    from: values.from || null,
    to: values.to || null,
  });
  if (parsed.success) return { query: parsed.data, errors: {} };
  const errors: Partial<Record<keyof StatementFilterValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === "kinds" ? "kind" : (issue.path[0] as keyof StatementFilterValues);
    errors[field] ??= issue.path[0] === "kinds" ? "Pick a kind from the list." : issue.message;
  }
  return { query: null, errors };
}

/**
 * Every movement of the org's credits with the balances after it. Filters
 * live in the URL (shareable, Back works); the CSV link carries the same
 * filters.
 */
export function StatementView() {
  const { org } = useOrg();
  if (org.role === "viewer")
    return (
      <div className="space-y-6">
        <PageHeader title="Statement" />
        <EmptyState
          icon={<Lock />}
          title="Viewers see balances, not the statement"
          description="Owners and admins can give you the member role; the Members page shows who they are."
          action={
            <Button asChild variant="outline">
              <Link href="/settings/members">See members</Link>
            </Button>
          }
        />
      </div>
    );
  return <Statement orgId={org.id} />;
}

function Statement({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const filters = useUrlFilters(FILTER_KEYS);
  const { query: valid, errors } = parseFilters(filters.values);
  const pages = useKeyedCursorPages(filters.query);
  const query = useQuery({
    ...trpc.credits.statement.queryOptions({
      orgId,
      kinds: (valid?.kinds as StatementKind[] | null | undefined) ?? null,
      from: valid?.from ?? null,
      to: valid?.to ?? null,
      cursor: pages.cursor,
      limit: PAGE_SIZE,
    }),
    enabled: valid !== null,
    placeholderData: keepPreviousData,
  });
  const csv = new URLSearchParams({ orgId });
  if (valid?.kinds?.[0]) csv.set("kind", valid.kinds[0]);
  if (valid?.from) csv.set("from", valid.from);
  if (valid?.to) csv.set("to", valid.to);
  const filtered = Boolean(filters.values.kind || filters.values.from || filters.values.to);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/credits" className="hover:underline">
            Credits
          </Link>
        }
        title="Statement"
        description={
          "Every grant, purchase, hold, charge, release and refund, with your balances after each. " +
          "Times in your timezone; date filters are UTC days."
        }
      />
      <StatementFilters
        value={filters.values}
        errors={errors}
        csvHref={valid ? `/credits/statement/csv?${csv.toString()}` : null}
        onChange={(next) => filters.set(next)}
      />
      {valid === null ? null : (
        <PagedList
          query={query}
          pages={pages}
          rowHeight="h-12"
          empty={
            filtered ? (
              <EmptyState
                icon={<SearchX />}
                title="Nothing matches these filters"
                description="Widen the dates or pick another kind."
                action={
                  <Button variant="outline" onClick={() => filters.set({ kind: "", from: "", to: "" })}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<ScrollText />}
                title="No money has moved yet"
                description="Grants, purchases and the holds and charges of your runs appear here."
                action={
                  <Button asChild variant="outline">
                    <Link href="/credits">Buy credits</Link>
                  </Button>
                }
              />
            )
          }
        >
          {(items) => <StatementTable lines={items} />}
        </PagedList>
      )}
    </div>
  );
}
