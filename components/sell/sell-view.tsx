"use client";

import { useQuery } from "@tanstack/react-query";
import { Banknote, MessageSquareText, Plus, Store } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ListingsTable } from "./listings-table";
import { SellerStats } from "./seller-stats";

/** The seller overview: this month's numbers, then every listing with its own. */
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

  if (org.role === "viewer") {
    return (
      <div className="space-y-8">
        <PageHeader title="Sell" description={`Agents ${org.name} lists on the marketplace.`} />
        <EmptyState
          icon={<Store />}
          title="Not available to viewers"
          description="Ask an admin of this organization for access."
        />
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <PageHeader
        title="Sell"
        description={`Agents ${org.name} lists on the marketplace. Buyers pay per task; you set the price.`}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/sell/reviews">
                <MessageSquareText aria-hidden />
                Reviews
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/sell/payouts">
                <Banknote aria-hidden />
                Payouts
              </Link>
            </Button>
            {publishButton}
          </>
        }
      />
      <SellerStats orgId={org.id} />
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
        {() =>
          query.data!.items.length === 0 && stack.length === 1 ? (
            <EmptyState
              icon={<Store />}
              title="No listings yet"
              description={
                "Publish an agent from its A2A Agent Card: Bureau reads its skills and capabilities, " +
                "you test it for free, an admin reviews it, and buyers can hire it."
              }
              action={publishButton}
            />
          ) : (
            <Card>
              <CardHeader>
                <CardTitle>Listings</CardTitle>
                <CardDescription>
                  Earnings are your share of completed tasks this month (after the platform fee); your own test runs are
                  not counted.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ListingsTable rows={query.data!.items} />
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
    </div>
  );
}
