"use client";

import { cn } from "@/components/ui/cn";

/** A group of checkboxes over a list of string values: approver roles, named members. */
export function CheckList({
  legend,
  options,
  value,
  onChange,
  error,
  empty,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
  empty?: string;
}) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      {options.length === 0 && empty ? <p className="text-xs text-muted-foreground">{empty}</p> : null}
      <div className={cn("grid gap-1", options.length > 6 && "max-h-44 overflow-y-auto rounded-md border p-2")}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-(--color-primary)"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
