import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgentPageView } from "@/components/agents/agent-page-view";
import { getOrgSession } from "@/server/auth/session";
import { appUrl } from "@/server/env";
import { parsePathParam, zSlug } from "@/server/schemas/primitives";
import { loadAgentPage, publishedListing } from "./load-agent-page";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A segment no slug can have (a NUL, a lone surrogate, 10 KB) is a 404, never a query. */
async function slugOf(params: Props["params"]): Promise<string> {
  return parsePathParam(zSlug, (await params).slug) ?? notFound();
}

/** The first sentence or so of the description, for search results and link previews. */
function summary(description: string): string {
  const flat = description.replace(/\s+/g, " ").trim();
  return flat.length <= 160 ? flat : `${flat.slice(0, 157).replace(/\s+\S*$/, "")}…`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = await slugOf(params);
  const agent = await publishedListing(slug);
  if (!agent) return { title: "Agent not found", robots: { index: false } };
  const description = summary(agent.description);
  const url = `/agents/${encodeURIComponent(agent.slug)}`;
  return {
    title: agent.name,
    description,
    metadataBase: new URL(appUrl()),
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      siteName: "Bureau",
      title: `${agent.name} on Bureau`,
      description,
      url,
      ...(agent.iconUrl ? { images: [{ url: agent.iconUrl, alt: agent.name }] } : {}),
    },
    twitter: { card: "summary", title: `${agent.name} on Bureau`, description },
  };
}

/** An agent's page: public, rendered on the server; running it asks a visitor to sign in and comes back. */
export default async function AgentPage({ params, searchParams }: Props) {
  const slug = await slugOf(params);
  const query = (await searchParams) ?? {};
  const [data, session] = await Promise.all([loadAgentPage(slug, one(query.reviews)), getOrgSession()]);
  if (!data) notFound();
  const visitor = !session ? "signed-out" : session.org ? "member" : "no-org";
  return (
    <AgentPageView
      agent={data.agent}
      quality={data.quality}
      reviews={data.reviews}
      visitor={visitor}
      prompt={(one(query.prompt) ?? "").slice(0, 2000)}
      canHire={Boolean(session?.org && session.org.role !== "viewer")}
    />
  );
}
