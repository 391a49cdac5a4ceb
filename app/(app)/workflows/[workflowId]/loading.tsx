import { BuilderSkeleton } from "@/components/workflow-builder/builder-skeleton";

export default function WorkflowBuilderLoading() {
  return <BuilderSkeleton />;
}
