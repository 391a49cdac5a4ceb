import { ReviewQueueView } from "@/components/admin/review-queue-view";

export const metadata = { title: "Listing review" };

export default function AdminReviewPage() {
  return <ReviewQueueView />;
}
