"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, Stamp } from "lucide-react";
import { useState } from "react";
import { PagedList } from "@/components/paged-list";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import type { ListedApproval } from "@/components/workflow-runs/run-types";
import { useOrgEvents, useThrottled } from "@/components/workflow-runs/use-org-events";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { NativeSelect } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ApprovalItem } from "./approval-item";
import { useMemberNames } from "./use-member-names";

export type ApprovalsTab = "pending" | "decided";
type Scope = "mine" | "all";

const PAGE_SIZE = 20;
/** Larger, so that the open requests the decided tab leaves out rarely empty a whole page. */
const DECIDED_PAGE_SIZE = 50;
/** Approval events refetch the page at most this often. */
const REFETCH_THROTTLE_MS = 1_500;

const runOpen = (a: ListedApproval) => !a.run || ["PENDING", "RUNNING", "WAITING"].includes(a.run.state);

/**
 * The decided tab lists every approval but the ones still open: decisions,
 * timeouts, and requests whose run ended before anyone decided. (The list
 * procedure takes one state at a time; "decided" is three of them.)
 */
const decidedOnly = (items: ListedApproval[]) => items.filter((a) => a.state !== "PENDING" || !runOpen(a));

function writeTabToUrl(tab: ApprovalsTab) {
  window.history.replaceState(null, "", tab === "decided" ? "/approvals?tab=decided" : "/approvals");
}

/**
 * The approvals inbox: what this member may decide (pending, the default)
 * and what was decided; owners and admins can widen it to the whole org.
 * approval.requested and approval.decided events refetch the page, so new
 * requests appear and decisions made elsewhere leave without a reload.
 */
export function ApprovalsView({ initialTab }: { initialTab: ApprovalsTab }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pages = useCursorPages();
  const [tab, setTab] = useState<ApprovalsTab>(initialTab);
  const [scope, setScope] = useState<Scope>("mine");
  const members = useMemberNames(org.id);
  const canWiden = org.role === "owner" || org.role === "admin";
  const query = useQuery({
    ...trpc.approvals.list.queryOptions({
      orgId: org.id,
      state: tab === "pending" ? "PENDING" : null,
      scope,
      cursor: pages.cursor,
      limit: tab === "pending" ? PAGE_SIZE : DECIDED_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  // Every approvals list (this page, the navigation's count) and the runs that wait on them.
  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.workflows.runs.get.queryKey() });
  };
  const refetchSoon = useThrottled(
    () => void queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() }),
    REFETCH_THROTTLE_MS,
  );
  const status = useOrgEvents({ orgId: org.id, types: "approval.", onEvent: refetchSoon, onOpen: refetchSoon });
  const view = query.data && tab === "decided" ? { ...query.data, items: decidedOnly(query.data.items) } : query.data;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Approvals"
        description="Decisions your workflows wait for: exactly what is approved, what it costs, and by when."
        actions={
          <span className="text-xs text-muted-foreground" data-testid="approvals-stream-status">
            {status === "live" ? "Updates live" : status === "failed" ? "Not live: reload to update" : "Connecting…"}
          </span>
        }
      />
      <Tabs
        value={tab}
        onValueChange={(value) => {
          const next = value === "decided" ? "decided" : "pending";
          setTab(next);
          writeTabToUrl(next);
          pages.reset();
        }}
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <TabsList>
            <TabsTrigger value="pending">Pending</TabsTrigger>
            <TabsTrigger value="decided">Decided</TabsTrigger>
          </TabsList>
          {canWiden ? (
            <NativeSelect
              aria-label="Whose approvals"
              containerClassName="w-44"
              value={scope}
              onChange={(e) => {
                setScope(e.target.value === "all" ? "all" : "mine");
                pages.reset();
              }}
            >
              <option value="mine">Mine to decide</option>
              <option value="all">Everyone&apos;s</option>
            </NativeSelect>
          ) : null}
        </div>
        {/* One list serves both tabs; only the active one is mounted. */}
        <TabsContent value={tab}>
          <PagedList
            query={{ ...query, data: view }}
            pages={pages}
            rowHeight="h-40"
            empty={
              tab === "pending" ? (
                <EmptyState
                  icon={<Inbox />}
                  title="Nothing waits for you"
                  description="When a workflow reaches an approval step you may decide, it appears here at once."
                />
              ) : (
                <EmptyState
                  icon={<Stamp />}
                  title="No decisions yet"
                  description="Approvals you decided, and those that timed out, are kept here."
                />
              )
            }
          >
            {(items) =>
              items.length ? (
                <div className="divide-y divide-border" data-testid="approvals-list">
                  {items.map((approval) => (
                    <ApprovalItem key={approval.id} approval={approval} members={members} onDecided={refreshAll} />
                  ))}
                </div>
              ) : (
                <p className="py-6 text-center text-sm text-muted-foreground">Nothing decided on this page.</p>
              )
            }
          </PagedList>
        </TabsContent>
      </Tabs>
    </div>
  );
}
