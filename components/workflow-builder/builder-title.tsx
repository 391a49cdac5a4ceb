"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import {
  WORKFLOW_DESCRIPTION_MAX_LENGTH,
  WORKFLOW_NAME_MAX_LENGTH,
} from "@/server/trpc/routers/workflows/create-workflow.types";

const bare = cn(
  "w-full min-w-0 rounded-md border border-transparent bg-transparent px-1.5 outline-none transition-colors",
  "hover:border-border focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30",
);

/**
 * The workflow's name and description, edited in place (saved with the
 * draft). An empty name is not saved: the field says so and the last
 * saved name stays until it is filled in.
 */
export function BuilderTitle(props: {
  name: string;
  description: string;
  readOnly: boolean;
  onChange: (fields: { name?: string; description: string }) => void;
}) {
  const [name, setName] = useState(props.name);
  const [description, setDescription] = useState(props.description);
  const empty = name.trim() === "";

  if (props.readOnly) {
    return (
      <div className="grid min-w-0 gap-0.5">
        <h1 className="truncate text-xl font-semibold tracking-tight">{props.name}</h1>
        {props.description ? <p className="line-clamp-2 text-sm text-muted-foreground">{props.description}</p> : null}
      </div>
    );
  }
  return (
    <div className="-mx-1.5 grid min-w-0 gap-0.5">
      <h1 className="sr-only">{props.name}</h1>
      <input
        aria-label="Workflow name"
        value={name}
        maxLength={WORKFLOW_NAME_MAX_LENGTH}
        aria-invalid={empty || undefined}
        onChange={(e) => {
          setName(e.target.value);
          props.onChange({ name: e.target.value.trim() || undefined, description });
        }}
        className={cn(bare, "h-9 text-xl font-semibold tracking-tight", empty && "border-destructive")}
        placeholder="Name the workflow"
      />
      {empty ? (
        <p className="px-1.5 text-xs text-destructive">Give the workflow a name; it is saved once it has one.</p>
      ) : null}
      <input
        aria-label="Description"
        value={description}
        maxLength={WORKFLOW_DESCRIPTION_MAX_LENGTH}
        onChange={(e) => {
          setDescription(e.target.value);
          props.onChange({ name: name.trim() || undefined, description: e.target.value });
        }}
        className={cn(bare, "h-7 text-sm text-muted-foreground")}
        placeholder="Add a description"
      />
    </div>
  );
}
