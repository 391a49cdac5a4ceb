"use client";

import type { FieldPath } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { issueField } from "../lib/issues";
import type { GraphIssue } from "../lib/types";
import type { NodeForm, NodeFormValues } from "./use-node-form";

/** The node's issues about one config field. */
export const issuesFor = (issues: readonly GraphIssue[], field: string) =>
  issues.filter((i) => issueField(i) === field);

export const errorOf = (form: NodeForm, name: FieldPath<NodeFormValues>) =>
  form.getFieldState(name, form.formState).error?.message;

/** An emptied number field reaches the schema as NaN; zod's wording for that is not for people. */
const numberError = (message: string | undefined) =>
  message && /NaN|expected number/i.test(message) ? "Enter a number." : message;

/** A whole-number (or decimal) field kept as a number in the form, so the schema's bounds apply. */
export function NumberField({
  form,
  name,
  label,
  description,
  min,
  max,
  step = 1,
  suffix,
}: {
  form: NodeForm;
  name: FieldPath<NodeFormValues>;
  label: string;
  description?: string;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
}) {
  return (
    <Field label={label} description={description} error={numberError(errorOf(form, name))}>
      {(control) => (
        <div className="relative">
          <Input
            {...control}
            type="number"
            inputMode={step < 1 ? "decimal" : "numeric"}
            min={min}
            max={max}
            step={step}
            className={suffix ? "pr-12" : undefined}
            {...form.register(name, { valueAsNumber: true })}
          />
          {suffix ? (
            <span
              className={cn(
                "pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs",
                "text-muted-foreground",
              )}
            >
              {suffix}
            </span>
          ) : null}
        </div>
      )}
    </Field>
  );
}

/** A short note under a section, for what a node has no settings for. */
export function Note({ children }: { children: React.ReactNode }) {
  return <p className="rounded-md bg-muted px-3 py-2 text-xs text-muted-foreground">{children}</p>;
}
