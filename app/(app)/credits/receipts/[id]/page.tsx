import { notFound } from "next/navigation";
import { ReceiptView } from "@/components/credits/receipt-view";
import { parsePathParam, zId } from "@/server/schemas/primitives";

export const metadata = { title: "Receipt" };

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parsePathParam(zId, (await params).id);
  if (!id) notFound();
  return <ReceiptView purchaseId={id} />;
}
