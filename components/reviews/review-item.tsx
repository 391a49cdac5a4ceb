import type { ReactNode } from "react";
import { formatDate } from "@/components/format";
import { Avatar } from "@/components/ui/avatar";
import { Stars } from "./star-rating";

export interface ReviewItemData {
  id: string;
  orgName: string;
  rating: number;
  text: string;
  sellerReply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One review: company, stars, text, and the seller's public reply. `footer` holds page-specific actions. */
export function ReviewItem({
  review,
  sellerName,
  context,
  footer,
}: {
  review: ReviewItemData;
  sellerName: string;
  context?: ReactNode;
  footer?: ReactNode;
}) {
  const edited = review.updatedAt.getTime() - review.createdAt.getTime() > 60_000;
  return (
    <li className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="review">
      <div className="flex items-center gap-3">
        <Avatar name={review.orgName} size="sm" shape="square" />
        <div className="min-w-0 flex-1">
          <div className="text-sm font-medium">{review.orgName}</div>
          <div className="text-xs text-muted-foreground">
            {formatDate(review.createdAt)}
            {edited ? " · edited" : ""}
            {context ? <> · {context}</> : null}
          </div>
        </div>
        <Stars rating={review.rating} />
      </div>
      {review.text ? <p className="whitespace-pre-line text-sm leading-relaxed">{review.text}</p> : null}
      {review.sellerReply ? (
        <div
          className="ml-4 rounded-md border-l-2 border-border bg-muted/50 px-3 py-2 text-sm"
          data-testid="seller-reply"
        >
          <div className="text-xs font-medium text-muted-foreground">
            Reply from {sellerName}
            {review.repliedAt ? ` · ${formatDate(review.repliedAt)}` : ""}
          </div>
          <p className="whitespace-pre-line">{review.sellerReply}</p>
        </div>
      ) : null}
      {footer}
    </li>
  );
}
