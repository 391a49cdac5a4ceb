import { SellView } from "@/components/sell/sell-view";

export const metadata = { title: "Sell" };

export default function SellPage() {
  return <SellView />;
}
