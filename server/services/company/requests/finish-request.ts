import "server-only";
import { isTerminal, type BureauArtifact, type BureauPart } from "../../../a2a/bureau-format";
import { db } from "../../../db";
import { readStoredGraph } from "../../workflows/stored-graph";
import { writeTask, type ArtifactChange } from "../../tasks/write-task";
import { managerStatus } from "./ask-department";
import { ACCEPT_NODE_ID } from "./plan-acceptance";
import { requestTaskOfRun } from "./plan-run";

/**
 * A plan's run ended: so does its request. Succeeded, the request completes
 * with the manager's compiled answer (each step's result under its name, in
 * the plan's order) and each child task's artifacts; a rejected acceptance
 * ends it REJECTED; a failed run FAILED with the run's reason; a canceled
 * one CANCELED. The write is conditional on the task being open, so a
 * replay (or a cancel that got there first) changes nothing.
 */
export async function finishRequestOfRun(runId: string): Promise<void> {
  const task = await requestTaskOfRun(runId);
  if (!task || isTerminal(task.state)) return;
  const run = await db.workflowRun.findUnique({
    where: { id: runId },
    select: {
      state: true,
      error: true,
      graph: true,
      steps: { select: { nodeId: true, iterationKey: true, state: true, output: true, taskId: true, error: true } },
    },
  });
  if (!run || (run.state !== "SUCCEEDED" && run.state !== "FAILED" && run.state !== "CANCELED")) return;
  const open = ["SUBMITTED", "WORKING", "INPUT_REQUIRED", "AUTH_REQUIRED"] as const;
  if (run.state === "CANCELED") {
    await writeTask({
      taskId: task.id,
      orgId: task.orgId,
      status: managerStatus("CANCELED", open, "The request was canceled; its open work was stopped."),
      actor: { kind: "system", id: "manager" },
    });
    return;
  }
  if (run.state === "FAILED") {
    const accept = run.steps.find((s) => s.nodeId === ACCEPT_NODE_ID);
    const reason = (run.error as { message?: string } | null)?.message ?? "A step of the plan failed.";
    await writeTask({
      taskId: task.id,
      orgId: task.orgId,
      status:
        accept?.state === "FAILED"
          ? managerStatus("REJECTED", open, `The plan was not accepted. ${reason}`)
          : managerStatus("FAILED", open, `The plan failed: ${reason}`),
      actor: { kind: "system", id: "manager" },
    });
    return;
  }
  const graph = readStoredGraph(run.graph, `plan run ${runId}`);
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const agentSteps = run.steps
    .filter((s) => s.state === "SUCCEEDED" && graph.nodes.find((n) => n.id === s.nodeId)?.type === "agent")
    .sort((a, b) => order.get(a.nodeId)! - order.get(b.nodeId)! || a.iterationKey.localeCompare(b.iterationKey));
  const childIds = agentSteps.flatMap((s) => (s.taskId ? [s.taskId] : []));
  const childArtifacts = childIds.length
    ? await db.artifact.findMany({
        where: { taskId: { in: childIds } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { taskId: true, artifactId: true, name: true, description: true, parts: true },
      })
    : [];
  const answer = agentSteps
    .map((s) => `## ${names.get(s.nodeId) ?? s.nodeId}\n\n${(s.output ?? "").trim() || "(no text)"}`)
    .join("\n\n");
  const artifacts: ArtifactChange[] = [
    {
      artifact: {
        artifactId: "answer",
        name: "Answer",
        description: "The manager's compiled answer: each part's result, in the plan's order.",
        parts: [{ kind: "text", text: answer || "The plan ran no agent steps." }],
      },
    },
    ...childArtifacts.map((a): ArtifactChange => {
      const step = agentSteps.find((s) => s.taskId === a.taskId);
      const artifact: BureauArtifact = {
        artifactId: `${a.taskId}:${a.artifactId}`,
        name:
          `${step ? (names.get(step.nodeId) ?? "") : ""}${a.name ? `: ${a.name}` : ""}`.replace(/^: /, "") ||
          a.artifactId,
        ...(a.description ? { description: a.description } : {}),
        parts: a.parts as BureauPart[],
      };
      return { artifact };
    }),
  ];
  await writeTask({
    taskId: task.id,
    orgId: task.orgId,
    artifacts,
    status: managerStatus(
      "COMPLETED",
      open,
      `Done: ${agentSteps.length} part${agentSteps.length === 1 ? "" : "s"} completed.`,
    ),
    actor: { kind: "system", id: "manager" },
  });
}
