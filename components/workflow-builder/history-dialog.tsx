"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useEffect, useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { RollbackButton } from "./rollback-button";
import { VersionDiffView } from "./version-diff";
import { VersionList } from "./version-list";

const PAGE = 25;
type Compare = "previous" | "draft";

/**
 * History: the published versions, newest first; picking one shows what it
 * changed from the one before (or how the draft differs from it), and an
 * older one can be rolled back to, published again as the newest.
 */
export function HistoryDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workflowId: string;
  canEdit: boolean;
  hasUnpublishedChanges: boolean;
  /** Saves unsaved edits first, so "compare with the draft" shows them. */
  flush: () => Promise<boolean>;
  onRolledBack: () => void;
}) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const versions = useInfiniteQuery({
    ...trpc.workflows.versions.infiniteQueryOptions(
      { orgId: org.id, workflowId: props.workflowId, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    enabled: props.open,
  });
  const items = versions.data?.pages.flatMap((p) => p.items) ?? [];
  const latest = items[0]?.number ?? 0;
  const [picked, setPicked] = useState<number | null>(null);
  const [compare, setCompare] = useState<Compare>("previous");
  const selected = picked ?? (latest || null);
  const canPrevious = selected !== null && selected > 1;
  const mode: Compare = compare === "previous" && !canPrevious ? "draft" : compare;

  // Fresh history each opening: another member may have published meanwhile; the draft is saved first.
  const { open, flush } = props;
  const refetch = versions.refetch;
  useEffect(() => {
    if (!open) return;
    setPicked(null);
    void flush().then(() => refetch());
  }, [open, flush, refetch]);

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent className="grid-rows-[auto_minmax(0,1fr)] sm:max-w-5xl" data-testid="history-dialog">
        <DialogHeader>
          <DialogTitle>History</DialogTitle>
          <DialogDescription>Each publish is an immutable version; runs stay pinned to theirs.</DialogDescription>
        </DialogHeader>
        <QueryState
          isPending={versions.isPending}
          error={versions.error}
          onRetry={() => void versions.refetch()}
          skeleton={<Skeleton className="h-72" />}
        >
          {() =>
            items.length === 0 ? (
              <EmptyState
                icon={<History />}
                title="Nothing published yet"
                description="Publish the draft to make version 1; its history starts there."
              />
            ) : (
              <div className="grid min-h-0 gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
                <VersionList
                  items={items}
                  selected={selected}
                  onSelect={setPicked}
                  hasMore={versions.hasNextPage}
                  loadingMore={versions.isFetchingNextPage}
                  onMore={() => void versions.fetchNextPage()}
                />
                {selected !== null ? (
                  <div className="grid min-w-0 content-start gap-4">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <Tabs value={mode} onValueChange={(v) => setCompare(v === "draft" ? "draft" : "previous")}>
                        <TabsList>
                          <TabsTrigger value="previous" disabled={!canPrevious}>
                            {canPrevious ? `v${selected - 1} → v${selected}` : "First version"}
                          </TabsTrigger>
                          <TabsTrigger value="draft">v{selected} → draft</TabsTrigger>
                        </TabsList>
                      </Tabs>
                      {props.canEdit && selected !== latest ? (
                        <RollbackButton
                          workflowId={props.workflowId}
                          version={selected}
                          hasUnpublishedChanges={props.hasUnpublishedChanges}
                          onDone={() => {
                            props.onOpenChange(false);
                            props.onRolledBack();
                          }}
                        />
                      ) : null}
                    </div>
                    <DiffPanel
                      workflowId={props.workflowId}
                      from={mode === "previous" ? selected - 1 : selected}
                      to={mode === "previous" ? selected : "draft"}
                    />
                  </div>
                ) : null}
              </div>
            )
          }
        </QueryState>
      </DialogContent>
    </Dialog>
  );
}

function DiffPanel(props: { workflowId: string; from: number; to: number | "draft" }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const diff = useQuery(
    trpc.workflows.diff.queryOptions({ orgId: org.id, workflowId: props.workflowId, from: props.from, to: props.to }),
  );
  return (
    <QueryState
      isPending={diff.isPending}
      error={diff.error}
      onRetry={() => void diff.refetch()}
      skeleton={<Skeleton className="h-48" />}
    >
      {() => <VersionDiffView data={diff.data!} />}
    </QueryState>
  );
}
