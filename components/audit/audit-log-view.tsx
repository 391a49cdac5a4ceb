"use client";

import { PagedList } from "@/components/paged-list";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { History, Lock, SearchX } from "lucide-react";
import Link from "next/link";
import { useKeyedCursorPages } from "@/components/billing/use-keyed-cursor-pages";
import { useUrlFilters } from "@/components/billing/use-url-filters";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ZAuditQuerySchema } from "@/server/schemas/audit-filter";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { VerifyChainCard } from "./verify-chain-card";

const PAGE_SIZE = 25;
const FILTER_KEYS = ["action", "actor", "from", "to"] as const;

function parseFilters(values: AuditFilterValues) {
  const parsed = ZAuditQuerySchema.safeParse({
    action: values.action || null,
    actorUserId: values.actor || null,
    from: values.from || null,
    to: values.to || null,
  });
  if (parsed.success) return { query: parsed.data, errors: {} };
  const errors: Partial<Record<keyof AuditFilterValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === "actorUserId" ? "actor" : (issue.path[0] as keyof AuditFilterValues);
    errors[field] ??= issue.message;
  }
  return { query: null, errors };
}

function AuditLog({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const filters = useUrlFilters(FILTER_KEYS);
  const { query: valid, errors } = parseFilters(filters.values);
  const pages = useKeyedCursorPages(filters.query);
  const options = useQuery(trpc.orgs.auditFilters.queryOptions({ orgId }));
  const query = useQuery({
    ...trpc.orgs.auditLog.queryOptions({
      orgId,
      action: valid?.action ?? null,
      actorUserId: valid?.actorUserId ?? null,
      from: valid?.from ?? null,
      to: valid?.to ?? null,
      cursor: pages.cursor,
      limit: PAGE_SIZE,
    }),
    enabled: valid !== null,
    placeholderData: keepPreviousData,
  });
  const csv = new URLSearchParams({ orgId });
  if (valid?.action) csv.set("action", valid.action);
  if (valid?.actorUserId) csv.set("actorUserId", valid.actorUserId);
  if (valid?.from) csv.set("from", valid.from);
  if (valid?.to) csv.set("to", valid.to);
  const filtered = Object.values(filters.values).some(Boolean);

  return (
    <>
      <AuditFilters
        value={filters.values}
        errors={errors}
        actions={options.data?.actions ?? []}
        actors={options.data?.actors ?? []}
        csvHref={valid ? `/settings/audit/csv?${csv.toString()}` : null}
        onChange={(next) => filters.set(next)}
      />
      {valid === null ? null : (
        <PagedList
          query={query}
          pages={pages}
          rowHeight="h-14"
          empty={
            filtered ? (
              <EmptyState
                icon={<SearchX />}
                title="No entries match these filters"
                action={
                  <Button variant="outline" onClick={() => filters.set({ action: "", actor: "", from: "", to: "" })}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<History />}
                title="Nothing recorded yet"
                description="Credits, budgets, keys and member changes are recorded here."
              />
            )
          }
        >
          {(items) => <AuditTable rows={items} />}
        </PagedList>
      )}
    </>
  );
}

/** Who did what in the org, every entry hash-chained: owners and admins. */
export function AuditLogView() {
  const { org } = useOrg();
  const canRead = org.role === "owner" || org.role === "admin";
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/dashboard" className="hover:underline">
            Dashboard
          </Link>
        }
        title="Audit log"
        description={
          `Everything recorded about money, keys, budgets and people in ${org.name}. ` + "Date filters are UTC days."
        }
      />
      {canRead ? (
        <>
          <VerifyChainCard orgId={org.id} />
          <AuditLog orgId={org.id} />
        </>
      ) : (
        <EmptyState
          icon={<Lock />}
          title="Only owners and admins can read the audit log"
          description="Recent activity is on the dashboard. The Members page shows who can change your role."
          action={
            <Button asChild variant="outline">
              <Link href="/settings/members">See members</Link>
            </Button>
          }
        />
      )}
    </div>
  );
}
