import { Ban, CircleCheck, CircleDashed, CircleX, Clock, LoaderCircle, SkipForward } from "lucide-react";
import { RUN_STATE_LABEL as NODE_STATE_LABEL } from "@/components/workflows/nodes/run-status";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { NodeRunState } from "@/server/schemas/workflow-graph";
import { toNodeState } from "./node-states";
import { RUN_STATE_LABEL } from "./run-format";
import type { RunState } from "./run-types";

type Variant = NonNullable<BadgeProps["variant"]>;

/** The canvas's colours, as badges: amber waits on people or time, green and red are how it ended. */
const VARIANT: Record<NodeRunState, Variant> = {
  pending: "outline",
  running: "secondary",
  waiting: "warning",
  succeeded: "success",
  failed: "destructive",
  skipped: "outline",
  canceled: "outline",
};

const ICON = {
  pending: CircleDashed,
  running: LoaderCircle,
  waiting: Clock,
  succeeded: CircleCheck,
  failed: CircleX,
  skipped: SkipForward,
  canceled: Ban,
} satisfies Record<NodeRunState, unknown>;

function StateBadge({
  state,
  label,
  testId,
  raw,
}: {
  state: NodeRunState;
  label: string;
  testId: string;
  raw: string;
}) {
  const Icon = ICON[state];
  return (
    <Badge variant={VARIANT[state]} data-testid={testId} data-state={raw}>
      <Icon aria-hidden className={state === "running" ? "animate-spin" : undefined} />
      {label}
    </Badge>
  );
}

export function RunStateBadge({ state }: { state: RunState }) {
  return <StateBadge state={toNodeState(state)} label={RUN_STATE_LABEL[state]} testId="run-state" raw={state} />;
}

export function StepStateBadge({ state }: { state: NodeRunState }) {
  return <StateBadge state={state} label={NODE_STATE_LABEL[state]} testId="step-state" raw={state} />;
}
