import { SellerReviewsView } from "@/components/reviews/seller-reviews-view";

export const metadata = { title: "Reviews of your agents" };

export default function SellerReviewsPage() {
  return <SellerReviewsView />;
}
