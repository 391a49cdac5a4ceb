import { NewListingForm } from "@/components/sell/new-listing-form";

export const metadata = { title: "Publish an agent" };

export default function NewListingPage() {
  return <NewListingForm />;
}
