import type { Metadata } from "next";
import { AgentPageView } from "@/components/agents/agent-page-view";
import { db } from "@/server/db";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const agent = await db.agent.findFirst({
    where: { slug: decodeURIComponent(slug), status: "PUBLISHED" },
    select: { name: true },
  });
  return { title: agent?.name ?? "Agent" };
}

export default async function AgentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <AgentPageView slug={decodeURIComponent(slug)} />;
}
