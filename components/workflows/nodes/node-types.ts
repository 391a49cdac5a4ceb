import type { NodeTypes } from "@xyflow/react";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";
import { LoopNode } from "./loop-node";
import { StepNode } from "./step-node";

/** xyflow's component per node type; defined once at module level so xyflow never re-mounts the nodes. */
export const nodeTypes = {
  trigger: StepNode,
  agent: StepNode,
  condition: StepNode,
  parallel: StepNode,
  join: StepNode,
  approval: StepNode,
  transform: StepNode,
  loop: LoopNode,
  subworkflow: StepNode,
  delay: StepNode,
  output: StepNode,
} satisfies Record<WorkflowNodeType, unknown> satisfies NodeTypes;
