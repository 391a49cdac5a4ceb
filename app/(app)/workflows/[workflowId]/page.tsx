import { notFound } from "next/navigation";
import { BuilderView } from "@/components/workflow-builder/builder-view";
import { parsePathParam, zId } from "@/server/schemas/primitives";

export const metadata = { title: "Workflow builder" };

export default async function WorkflowBuilderPage(props: { params: Promise<{ workflowId: string }> }) {
  const workflowId = parsePathParam(zId, (await props.params).workflowId) ?? notFound();
  return <BuilderView workflowId={workflowId} />;
}
