"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { PagedList } from "@/components/paged-list";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";

const STATUS_VARIANT = { pending: "warning", succeeded: "success", failed: "destructive" } as const;

/** One endpoint's deliveries, newest first, with a Replay button for admins. */
export function DeliveryLog({
  orgId,
  endpointId,
  canManage,
}: {
  orgId: string;
  endpointId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const pages = useCursorPages();
  const query = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ orgId, endpointId, cursor: pages.cursor, limit: 10 }),
    // Pending deliveries change on their own: follow them while any is open.
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === "pending") ? 2_000 : false),
  });
  const replay = useMutation(
    trpc.webhooks.replay.mutationOptions({
      onSuccess: () => {
        toast.success("Delivery queued again.");
        void query.refetch();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <PagedList
      query={query}
      pages={pages}
      rowHeight="h-10"
      className="border-dashed shadow-none"
      empty={
        <EmptyState
          icon={<Send />}
          title="No deliveries yet"
          description="Events this endpoint subscribes to appear here as they are sent. Send a test to try it."
        />
      }
    >
      {(items) => (
        <div className="overflow-x-auto">
          <Table className="min-w-[44rem]" data-testid="delivery-log">
            <TableHeader>
              <TableRow>
                <TableHead>Sent</TableHead>
                <TableHead>Event</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>HTTP</TableHead>
                <TableHead>Latency</TableHead>
                <TableHead>Response</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((d) => (
                <TableRow key={d.id} data-testid="delivery-row">
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {formatDateTime(d.lastAttemptAt ?? d.createdAt)}
                  </TableCell>
                  <TableCell>
                    <code className="text-xs">{d.eventType}</code>
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[d.status]}>{d.status}</Badge>
                    <div className="mt-1 text-xs text-muted-foreground">
                      {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                      {d.status === "pending" && d.nextAttemptAt && d.attempts > 0
                        ? ` · next ${formatDateTime(d.nextAttemptAt)}`
                        : ""}
                    </div>
                  </TableCell>
                  <TableCell>{d.lastStatusCode ?? "—"}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {d.lastLatencyMs !== null ? `${d.lastLatencyMs} ms` : "—"}
                  </TableCell>
                  <TableCell className="max-w-64">
                    <code className="line-clamp-2 break-all text-xs" title={d.lastResponseExcerpt ?? undefined}>
                      {d.lastResponseExcerpt || "—"}
                    </code>
                  </TableCell>
                  <TableCell className="text-right">
                    {canManage ? (
                      <Button
                        size="sm"
                        variant="outline"
                        loading={replay.isPending && replay.variables?.deliveryId === d.id}
                        onClick={() => replay.mutate({ orgId, deliveryId: d.id })}
                      >
                        Replay
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </PagedList>
  );
}
