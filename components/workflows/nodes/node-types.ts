import type { NodeTypes } from "@xyflow/react";
import { LoopNode } from "./loop-node";
import { StepNode } from "./step-node";

/** xyflow's component per flow node type (see FlowNode); module-level so xyflow never re-mounts the nodes. */
export const nodeTypes = { step: StepNode, loop: LoopNode } satisfies NodeTypes;
