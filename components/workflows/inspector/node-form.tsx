"use client";

import { useMemo } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { WorkflowNode } from "@/server/schemas/workflow-graph";
import type { GraphIssue } from "../lib/types";
import { ConfigFields, type PickerOptions } from "./config-fields";
import { errorOf } from "./form-bits";
import { idError, useNodeForm } from "./use-node-form";

/** Name, id and settings of one node; mount it keyed by the node id. */
export function NodeForm({
  node,
  otherIds,
  issues,
  options,
  readOnly,
  onCommit,
  onRename,
}: {
  node: WorkflowNode;
  otherIds: readonly string[];
  issues: readonly GraphIssue[];
  options: PickerOptions;
  readOnly: boolean;
  onCommit: (node: WorkflowNode) => void;
  onRename: (to: string) => void;
}) {
  const taken = useMemo(() => new Set(otherIds), [otherIds]);
  const form = useNodeForm(node, taken, onCommit);
  const idField = form.register("id");

  const commitId = () => {
    const id = String(form.getValues("id") ?? "").trim();
    if (id !== node.id && idError(id, node.id, taken) === null) onRename(id);
  };

  return (
    <form className="grid gap-4" onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset disabled={readOnly} className="grid gap-4 disabled:opacity-80">
        <Field label="Name" error={errorOf(form, "name")}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field
          label="Id"
          error={errorOf(form, "id")}
          description={`Later steps read this one as steps.${node.id}. Renaming updates them.`}
        >
          <Input
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
            {...idField}
            onBlur={(e) => {
              void idField.onBlur(e);
              commitId();
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.currentTarget.blur();
              if (e.key === "Escape") form.setValue("id", node.id, { shouldValidate: true });
            }}
          />
        </Field>
        <ConfigFields form={form} node={node} issues={issues} options={options} />
      </fieldset>
    </form>
  );
}
