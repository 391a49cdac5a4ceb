import { ListingDetailView } from "@/components/sell/listing-detail-view";

export const metadata = { title: "Listing" };

export default async function ListingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ListingDetailView agentId={id} />;
}
