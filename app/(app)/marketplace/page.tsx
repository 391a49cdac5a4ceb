import { MarketplaceView } from "@/components/marketplace/marketplace-view";

export const metadata = { title: "Marketplace" };

export default function MarketplacePage() {
  return <MarketplaceView />;
}
