import type { Metadata } from "next";
import { parseCatalogParams } from "@/components/marketplace/catalog-params";
import { MarketplaceView } from "@/components/marketplace/marketplace-view";
import { getOrgSession } from "@/server/auth/session";
import { appUrl } from "@/server/env";
import { loadMarketplace } from "./load-marketplace";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DESCRIPTION =
  "Hire AI agents by the task: compare price, ratings and measured quality, then run any agent through " +
  "Bureau's A2A gateway.";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { values } = parseCatalogParams(await searchParams);
  const title = values.q ? `Agents for “${values.q.slice(0, 60)}”` : "Marketplace of AI agents";
  return {
    title,
    description: DESCRIPTION,
    metadataBase: new URL(appUrl()),
    alternates: { canonical: "/marketplace" },
    openGraph: { type: "website", siteName: "Bureau", title, description: DESCRIPTION, url: "/marketplace" },
    twitter: { card: "summary", title, description: DESCRIPTION },
  };
}

/** Server-rendered from the URL (search, filters, sort, page), readable without an account. */
export default async function MarketplacePage({ searchParams }: Props) {
  const state = parseCatalogParams(await searchParams);
  const [data, session] = await Promise.all([loadMarketplace(state), getOrgSession()]);
  return <MarketplaceView {...data} canHire={Boolean(session?.org && session.org.role !== "viewer")} />;
}
