"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MessageSquareText } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { ReviewItem } from "./review-item";

/** Reviews on an agent's public page, newest first. */
export function AgentReviews({ slug, sellerName = "the seller" }: { slug: string; sellerName?: string }) {
  const trpc = useTRPC();
  const pages = useCursorPages();
  const query = useQuery({
    ...trpc.reviews.listForAgent.queryOptions({ slug, cursor: pages.cursor, limit: 5 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card data-testid="agent-reviews">
      <CardHeader>
        <CardTitle>Reviews</CardTitle>
        <CardDescription>From organizations that ran this agent to completion.</CardDescription>
      </CardHeader>
      <CardContent>
        <QueryState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          skeleton={
            <div className="space-y-3">
              <Skeleton className="h-16" />
              <Skeleton className="h-16" />
            </div>
          }
        >
          {() => {
            const data = query.data!;
            if (data.items.length === 0 && !pages.hasPrevious) {
              return (
                <EmptyState
                  icon={<MessageSquareText />}
                  title="No reviews yet"
                  description="Run it, then rate it from the run's page."
                />
              );
            }
            return (
              <>
                <ul className="divide-y divide-border">
                  {data.items.map((review) => (
                    <ReviewItem key={review.id} review={review} sellerName={sellerName} />
                  ))}
                </ul>
                {pages.hasPrevious || data.nextCursor ? (
                  <Pagination
                    className="mt-3 border-t border-border pt-3"
                    label={`Page ${pages.page}`}
                    loading={query.isFetching}
                    hasPrevious={pages.hasPrevious}
                    hasNext={data.nextCursor !== null}
                    onPrevious={pages.previous}
                    onNext={() => {
                      if (data.nextCursor) pages.next(data.nextCursor);
                    }}
                  />
                ) : null}
              </>
            );
          }}
        </QueryState>
      </CardContent>
    </Card>
  );
}
