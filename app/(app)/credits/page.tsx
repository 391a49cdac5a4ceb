import { CreditsView } from "@/components/credits/credits-view";

export const metadata = { title: "Credits" };

export default async function CreditsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { checkout } = await searchParams;
  return <CreditsView checkoutCanceled={checkout === "canceled"} />;
}
