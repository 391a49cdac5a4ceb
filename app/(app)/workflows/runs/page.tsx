import { RUN_STATES } from "@/components/workflow-runs/run-format";
import { RunsView } from "@/components/workflow-runs/runs-view";
import { zId } from "@/server/schemas/primitives";

export const metadata = { title: "Workflow runs" };

/** `?workflow=<id>&state=<STATE>` open the list filtered (a workflow's "Runs" link); anything malformed is ignored. */
export default async function WorkflowRunsPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const { workflow, state } = await searchParams;
  const workflowId = zId.safeParse(workflow);
  return (
    <RunsView
      initial={{
        workflowId: workflowId.success ? workflowId.data : null,
        state: RUN_STATES.find((s) => s === state) ?? null,
      }}
    />
  );
}
