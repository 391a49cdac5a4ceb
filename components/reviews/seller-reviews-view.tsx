"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowLeft, MessageSquareText } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { ReviewItem } from "./review-item";
import { SellerReplyForm } from "./seller-reply-form";

/** What buyers say about this org's agents, with a public reply for each. */
export function SellerReviewsView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const pages = useCursorPages();
  const [unanswered, setUnanswered] = useState(false);
  const query = useQuery({
    ...trpc.reviews.listForSeller.queryOptions({ orgId: org.id, unanswered, cursor: pages.cursor, limit: 10 }),
    placeholderData: keepPreviousData,
  });
  const canReply = org.role === "owner" || org.role === "admin";

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/sell" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft className="size-4" aria-hidden />
            Sell
          </Link>
        }
        title="Reviews"
        description={`What buyers say about ${org.name}'s agents. Replies are public and signed as ${org.name}.`}
        actions={
          <NativeSelect
            aria-label="Show"
            containerClassName="w-48"
            value={unanswered ? "unanswered" : "all"}
            onChange={(e) => {
              setUnanswered(e.target.value === "unanswered");
              pages.reset();
            }}
          >
            <option value="all">All reviews</option>
            <option value="unanswered">Awaiting a reply</option>
          </NativeSelect>
        }
      />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="space-y-3">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
        }
      >
        {() => {
          const data = query.data!;
          if (data.items.length === 0 && !pages.hasPrevious) {
            return (
              <EmptyState
                icon={<MessageSquareText />}
                title={unanswered ? "Every review has a reply" : "No reviews yet"}
                description={
                  unanswered
                    ? "Nice work."
                    : "Buyers can review an agent after a completed run. Reviews of your listings show up here."
                }
              />
            );
          }
          return (
            <Card>
              <CardContent className="pt-5">
                <ul className="divide-y divide-border">
                  {data.items.map((review) => (
                    <ReviewItem
                      key={review.id}
                      review={review}
                      sellerName={org.name}
                      context={
                        <Link href={`/agents/${review.agent.slug}`} className="hover:underline">
                          {review.agent.name}
                        </Link>
                      }
                      footer={
                        canReply ? (
                          <SellerReplyForm
                            orgId={org.id}
                            reviewId={review.id}
                            existing={review.sellerReply}
                            onSaved={() => void query.refetch()}
                          />
                        ) : null
                      }
                    />
                  ))}
                </ul>
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
              </CardContent>
            </Card>
          );
        }}
      </QueryState>
    </div>
  );
}
