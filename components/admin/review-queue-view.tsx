"use client";

import { useQuery } from "@tanstack/react-query";
import { Inbox, ShieldAlert } from "lucide-react";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { AgentStatus } from "@/server/schemas/enums";
import { ReviewItem } from "./review-item";

const TABS: { value: AgentStatus; label: string; empty: string }[] = [
  { value: "IN_REVIEW", label: "Waiting for review", empty: "Nothing to review. New submissions appear here." },
  { value: "PUBLISHED", label: "Published", empty: "No published listings." },
  { value: "PAUSED", label: "Paused by seller", empty: "No listing is paused by its seller." },
  { value: "SUSPENDED", label: "Suspended", empty: "No suspended listings." },
  { value: "DRAFT", label: "Drafts", empty: "No drafts." },
];

export function ReviewQueueView() {
  const { user } = useOrg();
  const trpc = useTRPC();
  const [status, setStatus] = useState<AgentStatus>("IN_REVIEW");
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const query = useQuery({
    ...trpc.admin.reviewQueue.queryOptions({ status, cursor: stack[stack.length - 1] }),
    enabled: user.isPlatformAdmin,
  });

  if (!user.isPlatformAdmin) {
    return (
      <EmptyState
        icon={<ShieldAlert />}
        title="Platform administrators only"
        description="This page reviews every seller's listings."
      />
    );
  }
  const count = (s: AgentStatus) => (query.data ? (query.data.counts[s] ?? 0) : undefined);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Listing review"
        description={
          "Approve listings into the marketplace, send them back with a reason, or suspend them. " +
          "Each shows its card, its last health check, and any other listing on the same endpoint."
        }
      />
      <Tabs
        value={status}
        onValueChange={(v) => {
          setStatus(TABS.find((t) => t.value === v)?.value ?? "IN_REVIEW");
          setStack([null]);
        }}
      >
        {/* Five tabs are wider than a phone: they scroll inside their row, never the page. */}
        <div className="max-w-full overflow-x-auto">
          <TabsList className="w-max">
            {TABS.map((t) => (
              <TabsTrigger key={t.value} value={t.value}>
                {t.label}
                {count(t.value) !== undefined ? (
                  <span className="ml-1 text-muted-foreground tabular-nums">{count(t.value)}</span>
                ) : null}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
      </Tabs>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="space-y-3">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-40" />
            ))}
          </div>
        }
      >
        {() =>
          query.data!.items.length === 0 ? (
            <EmptyState icon={<Inbox />} title="All clear" description={TABS.find((t) => t.value === status)?.empty} />
          ) : (
            <div className="space-y-3">
              {query.data!.items.map((row) => (
                <ReviewItem key={row.id} row={row} onDone={() => void query.refetch()} />
              ))}
              <Pagination
                label={`Page ${stack.length}`}
                hasPrevious={stack.length > 1}
                hasNext={Boolean(query.data!.nextCursor)}
                loading={query.isFetching}
                onPrevious={() => setStack(stack.slice(0, -1))}
                onNext={() => setStack([...stack, query.data!.nextCursor])}
              />
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
