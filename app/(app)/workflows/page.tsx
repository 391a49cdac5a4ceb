import { WorkflowsView } from "@/components/workflow-builder/workflows-view";

export const metadata = { title: "Workflows" };

export default function WorkflowsPage() {
  return <WorkflowsView />;
}
