import { AgentPageView } from "@/components/agents/agent-page-view";

export const metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <AgentPageView slug={decodeURIComponent(slug)} />;
}
