"use client";

import { NativeSelect } from "@/components/ui/select";
import { RUN_STATE_LABEL, RUN_STATES } from "./run-format";
import type { RunState } from "./run-types";

export interface RunFilterValues {
  workflowId: string | null;
  state: RunState | null;
}

export function RunsFilters(props: {
  value: RunFilterValues;
  workflows: { id: string; name: string }[];
  onChange: (next: RunFilterValues) => void;
}) {
  const { value, onChange } = props;
  // A workflow named in the address but not (or no longer) in the list still shows as chosen.
  const unknownWorkflow = value.workflowId && !props.workflows.some((w) => w.id === value.workflowId);
  return (
    <div className="grid gap-3 sm:grid-cols-[16rem_12rem]">
      <NativeSelect
        aria-label="Workflow"
        value={value.workflowId ?? ""}
        onChange={(e) => onChange({ ...value, workflowId: e.target.value || null })}
      >
        <option value="">All workflows</option>
        {unknownWorkflow ? <option value={value.workflowId!}>This workflow</option> : null}
        {props.workflows.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="State"
        value={value.state ?? ""}
        onChange={(e) => onChange({ ...value, state: RUN_STATES.find((s) => s === e.target.value) ?? null })}
      >
        <option value="">All states</option>
        {RUN_STATES.map((s) => (
          <option key={s} value={s}>
            {RUN_STATE_LABEL[s]}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
