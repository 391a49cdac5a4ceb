import { KnowledgeView } from "@/components/knowledge/knowledge-view";

export const metadata = { title: "Knowledge" };

export default function KnowledgePage() {
  return <KnowledgeView />;
}
