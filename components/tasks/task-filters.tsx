"use client";

import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { TaskState } from "@/server/schemas/enums";
import { STATE_LABEL, TASK_STATES } from "./task-format";

export interface TaskFilterValues {
  state: TaskState | null;
  agentSlug: string | null;
  search: string;
}

export function TaskFilters(props: {
  value: TaskFilterValues;
  agents: { slug: string; name: string }[];
  onChange: (next: TaskFilterValues) => void;
}) {
  const { value, onChange } = props;
  return (
    <div className="grid gap-3 sm:grid-cols-[12rem_16rem_1fr]">
      <NativeSelect
        aria-label="State"
        value={value.state ?? ""}
        onChange={(e) => onChange({ ...value, state: TASK_STATES.find((s) => s === e.target.value) ?? null })}
      >
        <option value="">All states</option>
        {TASK_STATES.map((s) => (
          <option key={s} value={s}>
            {STATE_LABEL[s]}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Agent"
        value={value.agentSlug ?? ""}
        onChange={(e) => onChange({ ...value, agentSlug: e.target.value || null })}
      >
        <option value="">All agents</option>
        {props.agents.map((a) => (
          <option key={a.slug} value={a.slug}>
            {a.name}
          </option>
        ))}
      </NativeSelect>
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          type="search"
          aria-label="Search by agent name"
          placeholder="Search by agent name"
          className="pl-8"
          value={value.search}
          onChange={(e) => onChange({ ...value, search: e.target.value })}
        />
      </div>
    </div>
  );
}
