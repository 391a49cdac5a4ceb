"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { creditCount } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { parseCredits } from "./company-format";
import type { ChartDepartment, ChartPosition } from "./company-types";
import { FormDialog, useDone } from "./department-dialogs";
import { DepartmentOptions } from "./department-options";
import {
  INSTRUCTIONS_MAX_LENGTH,
  POSITION_TITLE_MAX_LENGTH,
} from "@/server/services/company/departments/company-limits.types";

export type PositionDialog = "edit" | "move" | "end";

interface Props {
  position: ChartPosition;
  onClose: () => void;
}

export function EditPositionDialog({ position, onClose }: Props) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [title, setTitle] = useState(position.title);
  const [instructions, setInstructions] = useState(position.instructions);
  const [ceiling, setCeiling] = useState(position.perTaskCeilingCredits?.toString() ?? "");
  const [delegation, setDelegation] = useState(position.delegationBudgetCredits?.toString() ?? "");
  const [errors, setErrors] = useState<{ ceiling?: string; delegation?: string }>({});
  const update = useMutation(trpc.company.updatePosition.mutationOptions(useDone("Position saved.", onClose)));
  const submit = () => {
    const c = parseCredits(ceiling);
    const d = parseCredits(delegation);
    setErrors({ ceiling: c.ok ? undefined : c.error, delegation: d.ok ? undefined : d.error });
    if (!c.ok || !d.ok) return;
    update.mutate({
      orgId: org.id,
      id: position.id,
      title: title.trim(),
      instructions: instructions.trim(),
      perTaskCeilingCredits: c.value,
      delegationBudgetCredits: d.value,
    });
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`Edit ${position.title}`}
      description={`${position.agent.name}, ${creditCount(position.agent.priceCredits)} a task.`}
      error={update.error?.message}
      submitLabel="Save"
      pending={update.isPending}
      disabled={!title.trim()}
      onSubmit={submit}
      testId="edit-position-dialog"
    >
      <PositionFields
        price={position.agent.priceCredits}
        title={[title, setTitle]}
        instructions={[instructions, setInstructions]}
        ceiling={[ceiling, setCeiling]}
        delegation={[delegation, setDelegation]}
        errors={errors}
      />
    </FormDialog>
  );
}

type Pair = [string, (value: string) => void];

/** The terms of a position, the same in the hire dialog and when editing. */
export function PositionFields(props: {
  price: number;
  title: Pair;
  instructions: Pair;
  ceiling: Pair;
  delegation: Pair;
  errors: { ceiling?: string; delegation?: string };
}) {
  const [title, setTitle] = props.title;
  const [instructions, setInstructions] = props.instructions;
  const [ceiling, setCeiling] = props.ceiling;
  const [delegation, setDelegation] = props.delegation;
  return (
    <>
      <Field label="Title" required>
        <Input value={title} maxLength={POSITION_TITLE_MAX_LENGTH} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field
        label="Standing instructions"
        description="Given to the agent ahead of every task it does in this position."
      >
        <Textarea
          rows={4}
          value={instructions}
          maxLength={INSTRUCTIONS_MAX_LENGTH}
          onChange={(e) => setInstructions(e.target.value)}
          placeholder="e.g. Write in British English. Cite the source of every figure."
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Per-task ceiling (credits)"
          error={props.errors.ceiling}
          description="Optional: a task priced above it is refused."
        >
          <Input
            inputMode="numeric"
            value={ceiling}
            placeholder="No ceiling"
            onChange={(e) => setCeiling(e.target.value)}
          />
        </Field>
        <Field
          label="Delegation budget (credits)"
          error={props.errors.delegation}
          description={
            "Optional: what it may spend calling other agents per task; " +
            `default 5× the price (${creditCount(5 * props.price)}).`
          }
        >
          <Input
            inputMode="numeric"
            value={delegation}
            placeholder="Default"
            onChange={(e) => setDelegation(e.target.value)}
          />
        </Field>
      </div>
    </>
  );
}

export function MovePositionDialog({
  position,
  onClose,
  departments,
  from,
}: Props & { departments: ChartDepartment[]; from: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [to, setTo] = useState("");
  const move = useMutation(trpc.company.movePosition.mutationOptions(useDone("Position moved.", onClose)));
  const choices = departments.filter((d) => d.archivedAt === null);
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`Move ${position.title}`}
      description="Its terms move with it; its past tasks stay with this department."
      error={move.error?.message}
      submitLabel="Move"
      pending={move.isPending}
      disabled={!to}
      onSubmit={() => move.mutate({ orgId: org.id, id: position.id, departmentId: to })}
    >
      <Field label="To">
        <NativeSelect value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="" disabled>
            Choose a department
          </option>
          <DepartmentOptions departments={choices} exclude={new Set([from])} />
        </NativeSelect>
      </Field>
    </FormDialog>
  );
}

export function EndPositionDialog({ position, onClose }: Props) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const end = useMutation(trpc.company.endPosition.mutationOptions(useDone("Position ended.", onClose)));
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`End ${position.title}?`}
      description="The agent takes no more work here. Its tasks stay on record; hire it again to bring it back."
      error={end.error?.message}
      submitLabel="End position"
      destructive
      pending={end.isPending}
      onSubmit={() => end.mutate({ orgId: org.id, id: position.id })}
      testId="end-position-dialog"
    />
  );
}
