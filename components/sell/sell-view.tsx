"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus, Store } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { HealthBadge } from "@/components/agents/listing-badges";
import { formatCredits, formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { StatusBadge } from "./status-badge";

export function SellView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const canManage = org.role === "owner" || org.role === "admin";
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const query = useQuery({
    ...trpc.sell.list.queryOptions({ orgId: org.id, cursor: stack[stack.length - 1] }),
    enabled: org.role !== "viewer",
  });
  const publishButton = canManage ? (
    <Button asChild>
      <Link href="/sell/new">
        <Plus aria-hidden />
        Publish an agent
      </Link>
    </Button>
  ) : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Sell"
        description={`Agents ${org.name} lists on the marketplace. Buyers pay per task; you set the price.`}
        actions={publishButton}
      />
      {org.role === "viewer" ? (
        <EmptyState
          icon={<Store />}
          title="Not available to viewers"
          description="Ask an admin of this organization for access."
        />
      ) : (
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() =>
            query.data!.items.length === 0 && stack.length === 1 ? (
              <EmptyState
                icon={<Store />}
                title="No listings yet"
                description="Publish an agent from its A2A Agent Card: Bureau reads its skills and capabilities, an admin reviews it, and buyers can hire it."
                action={publishButton}
              />
            ) : (
              <Card>
                <CardContent className="pt-6">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Agent</TableHead>
                        <TableHead>Status</TableHead>
                        <TableHead>Price</TableHead>
                        <TableHead>Health</TableHead>
                        <TableHead>Tasks</TableHead>
                        <TableHead>Updated</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {query.data!.items.map((row) => (
                        <TableRow key={row.id} data-testid="listing-row">
                          <TableCell className="max-w-72">
                            <Link href={`/sell/agents/${row.id}`} className="font-medium text-primary hover:underline">
                              {row.name}
                            </Link>
                            <div className="text-xs text-muted-foreground">
                              v{row.currentVersion} · {row.slug}
                            </div>
                          </TableCell>
                          <TableCell className="max-w-64">
                            <StatusBadge status={row.status} />
                            {row.statusReason ? (
                              <p className="mt-1 line-clamp-2 text-xs text-muted-foreground" title={row.statusReason}>
                                {row.statusReason}
                              </p>
                            ) : null}
                          </TableCell>
                          <TableCell className="tabular-nums">{formatCredits(row.pricePerTask)}</TableCell>
                          <TableCell>
                            <HealthBadge health={row.health} flagged={row.healthFlagged} />
                          </TableCell>
                          <TableCell className="tabular-nums">{formatCredits(row.taskCount)}</TableCell>
                          <TableCell className="text-muted-foreground">{formatRelative(row.updatedAt)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  <Pagination
                    className="mt-2"
                    label={`Page ${stack.length}`}
                    hasPrevious={stack.length > 1}
                    hasNext={Boolean(query.data!.nextCursor)}
                    loading={query.isFetching}
                    onPrevious={() => setStack(stack.slice(0, -1))}
                    onNext={() => setStack([...stack, query.data!.nextCursor])}
                  />
                </CardContent>
              </Card>
            )
          }
        </QueryState>
      )}
    </div>
  );
}
