import {
  Bot,
  Braces,
  Flag,
  GitBranch,
  GitMerge,
  Hourglass,
  Repeat,
  Split,
  UserCheck,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";

/**
 * Each node type's icon and tint, shared by the canvas nodes, the palette
 * and the inspector so a type looks the same everywhere. Tints group the
 * types: green starts and ends a run, indigo does work, amber waits on
 * people or time, slate steers the flow.
 */
export const NODE_LOOK: Record<WorkflowNodeType, { icon: LucideIcon; tint: string }> = {
  trigger: { icon: Zap, tint: "bg-success/12 text-success" },
  agent: { icon: Bot, tint: "bg-primary/10 text-primary" },
  approval: { icon: UserCheck, tint: "bg-warning/20 text-warning-foreground dark:text-warning" },
  transform: { icon: Braces, tint: "bg-primary/10 text-primary" },
  subworkflow: { icon: Workflow, tint: "bg-primary/10 text-primary" },
  condition: { icon: GitBranch, tint: "bg-muted text-foreground" },
  parallel: { icon: Split, tint: "bg-muted text-foreground" },
  join: { icon: GitMerge, tint: "bg-muted text-foreground" },
  loop: { icon: Repeat, tint: "bg-muted text-foreground" },
  delay: { icon: Hourglass, tint: "bg-warning/20 text-warning-foreground dark:text-warning" },
  output: { icon: Flag, tint: "bg-success/12 text-success" },
};
