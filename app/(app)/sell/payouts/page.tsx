import { PayoutsView } from "@/components/payouts/payouts-view";

export const metadata = { title: "Payouts" };

export default async function PayoutsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { onboarding } = await searchParams;
  return <PayoutsView onboarding={onboarding === "return" || onboarding === "refresh" ? onboarding : null} />;
}
