import { notFound } from "next/navigation";
import { ListingDetailView } from "@/components/sell/listing-detail-view";
import { parsePathParam, zId } from "@/server/schemas/primitives";

export const metadata = { title: "Listing" };

export default async function ListingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parsePathParam(zId, (await params).id) ?? notFound();
  return <ListingDetailView agentId={id} />;
}
