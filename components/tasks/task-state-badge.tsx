import {
  CircleCheck,
  CircleDashed,
  CircleSlash,
  CircleX,
  Loader2,
  MessageCircleQuestion,
  ShieldQuestion,
} from "lucide-react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { TaskState } from "@/server/schemas/enums";
import { STATE_LABEL } from "./task-format";

const VARIANT: Record<TaskState, NonNullable<BadgeProps["variant"]>> = {
  SUBMITTED: "outline",
  WORKING: "secondary",
  INPUT_REQUIRED: "warning",
  AUTH_REQUIRED: "warning",
  COMPLETED: "success",
  FAILED: "destructive",
  CANCELED: "outline",
  REJECTED: "destructive",
};

const ICON = {
  SUBMITTED: CircleDashed,
  WORKING: Loader2,
  INPUT_REQUIRED: MessageCircleQuestion,
  AUTH_REQUIRED: ShieldQuestion,
  COMPLETED: CircleCheck,
  FAILED: CircleX,
  CANCELED: CircleSlash,
  REJECTED: CircleX,
} satisfies Record<TaskState, unknown>;

export function TaskStateBadge({ state }: { state: TaskState }) {
  const Icon = ICON[state];
  return (
    <Badge variant={VARIANT[state]} data-testid="task-state" data-state={state}>
      <Icon aria-hidden className={state === "WORKING" ? "animate-spin" : undefined} />
      {STATE_LABEL[state]}
    </Badge>
  );
}
