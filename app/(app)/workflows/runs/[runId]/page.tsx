import { notFound } from "next/navigation";
import { RunView } from "@/components/workflow-runs/run-view";
import { parsePathParam, zId } from "@/server/schemas/primitives";
import { zNodeId } from "@/server/schemas/workflow-graph";

export const metadata = { title: "Workflow run" };

/** `?node=<id>` opens that step's details (links from the approvals inbox). */
export default async function WorkflowRunPage(props: {
  params: Promise<{ runId: string }>;
  searchParams: Promise<Record<string, unknown>>;
}) {
  const runId = parsePathParam(zId, (await props.params).runId) ?? notFound();
  const node = zNodeId.safeParse((await props.searchParams).node);
  return <RunView runId={runId} initialNode={node.success ? node.data : null} />;
}
