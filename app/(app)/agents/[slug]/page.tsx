import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgentPageView } from "@/components/agents/agent-page-view";
import { db } from "@/server/db";
import { parsePathParam, zSlug } from "@/server/schemas/primitives";

type Props = { params: Promise<{ slug: string }> };

/** A segment no slug can have (a NUL, a lone surrogate, 10 KB) is a 404, never a query. */
async function slugOf(params: Props["params"]): Promise<string> {
  return parsePathParam(zSlug, (await params).slug) ?? notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = await slugOf(params);
  const agent = await db.agent.findFirst({ where: { slug, status: "PUBLISHED" }, select: { name: true } });
  return { title: agent?.name ?? "Agent" };
}

export default async function AgentPage({ params }: Props) {
  return <AgentPageView slug={await slugOf(params)} />;
}
