"use client";

import { useState, type ReactNode } from "react";
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
  /** Beside the name (the page's actions); the description takes the full width below both. */
  aside?: ReactNode;
  /** Under the description (version badges). */
  below?: ReactNode;
}) {
  const [name, setName] = useState(props.name);
  const [description, setDescription] = useState(props.description);
  const empty = name.trim() === "";

  if (props.readOnly) {
    return (
      <div className="grid min-w-0 gap-1">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <h1 className="min-w-0 flex-1 truncate text-xl font-semibold tracking-tight">{props.name}</h1>
          {props.aside}
        </div>
        {props.description ? <p className="line-clamp-2 text-sm text-muted-foreground">{props.description}</p> : null}
        {props.below}
      </div>
    );
  }
  return (
    <div className="grid min-w-0 gap-1">
      <h1 className="sr-only">{props.name}</h1>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <div className="-ml-1.5 grid min-w-0 flex-1">
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
        </div>
        {props.aside}
      </div>
      {empty ? (
        <p className="text-xs text-destructive">Give the workflow a name; it is saved once it has one.</p>
      ) : null}
      <input
        aria-label="Description"
        value={description}
        maxLength={WORKFLOW_DESCRIPTION_MAX_LENGTH}
        onChange={(e) => {
          setDescription(e.target.value);
          props.onChange({ name: name.trim() || undefined, description: e.target.value });
        }}
        className={cn(bare, "-ml-1.5 h-7 w-[calc(100%+0.375rem)] text-sm text-muted-foreground")}
        placeholder="Add a description"
      />
      {props.below}
    </div>
  );
}
