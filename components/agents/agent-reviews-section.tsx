import { MessageSquareText } from "lucide-react";
import Link from "next/link";
import { ReviewItem, type ReviewItemData } from "@/components/reviews/review-item";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * Reviews on an agent's public page, newest first, rendered with the page.
 * Older ones are a link away (?reviews=<cursor>), so the page stays readable
 * without JavaScript or an account.
 */
export function AgentReviewsSection(props: {
  slug: string;
  sellerName: string;
  items: ReviewItemData[];
  nextCursor: string | null;
  /** True when showing older reviews (a cursor in the URL). */
  older: boolean;
}) {
  const base = `/agents/${encodeURIComponent(props.slug)}`;
  return (
    <Card data-testid="agent-reviews" id="reviews">
      <CardHeader>
        <CardTitle>Reviews</CardTitle>
        <CardDescription>From organizations that ran this agent to completion.</CardDescription>
      </CardHeader>
      <CardContent>
        {props.items.length === 0 && !props.older ? (
          <EmptyState
            icon={<MessageSquareText />}
            title="No reviews yet"
            description="Run it, then rate it from the run's page."
          />
        ) : (
          <>
            <ul className="divide-y divide-border">
              {props.items.map((review) => (
                <ReviewItem key={review.id} review={review} sellerName={props.sellerName} />
              ))}
            </ul>
            {props.older || props.nextCursor ? (
              <nav aria-label="Review pages" className="mt-3 flex justify-between gap-2 border-t border-border pt-3">
                {props.older ? (
                  <Link href={`${base}#reviews`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                    Newest reviews
                  </Link>
                ) : (
                  <span />
                )}
                {props.nextCursor ? (
                  <Link
                    href={`${base}?reviews=${encodeURIComponent(props.nextCursor)}#reviews`}
                    className={buttonVariants({ variant: "outline", size: "sm" })}
                  >
                    Older reviews
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
