import { PurchaseReturn } from "@/components/credits/purchase-return";

export const metadata = { title: "Your purchase" };

export default async function PurchaseReturnPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session_id: sessionId } = await searchParams;
  return <PurchaseReturn sessionId={typeof sessionId === "string" && sessionId.length <= 255 ? sessionId : null} />;
}
