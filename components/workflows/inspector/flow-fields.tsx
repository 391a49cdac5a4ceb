"use client";

import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import type { NodeOf } from "@/server/schemas/workflow-graph";
import { formatDuration } from "../lib/node-summary";
import type { GraphIssue, WorkflowOption } from "../lib/types";
import { errorOf, issuesFor, Note, NumberField } from "./form-bits";
import { TemplateField } from "./template-field";
import type { NodeForm } from "./use-node-form";

type Props<T extends "condition" | "loop" | "delay" | "join" | "parallel"> = {
  form: NodeForm;
  node: NodeOf<T>;
  issues: readonly GraphIssue[];
};

export function ConditionFields({ form, node, issues }: Props<"condition">) {
  return (
    <TemplateField
      form={form}
      name="config.expression"
      label="Expression"
      description={
        'True takes the true branch. E.g. steps.review.data.approved == true, or steps.draft.output contains "TODO".'
      }
      issues={issuesFor(issues, "expression")}
      validatedText={node.config.expression}
      rows={3}
      placeholder="steps.check.data.score > 0.8"
    />
  );
}

export function LoopFields({ form, node, issues }: Props<"loop">) {
  return (
    <>
      <TemplateField
        form={form}
        name="config.items"
        label="Items"
        description="An expression giving a list; the body sees each element as item and its place as index."
        issues={issuesFor(issues, "items")}
        validatedText={node.config.items}
        rows={2}
        placeholder="input.languages"
      />
      <div className="grid grid-cols-2 gap-3">
        <NumberField form={form} name="config.concurrency" label="At a time" min={1} max={20} />
        <NumberField form={form} name="config.maxItems" label="At most" min={1} max={500} suffix="items" />
      </div>
    </>
  );
}

export function DelayFields({ form, node }: Props<"delay">) {
  return (
    <NumberField
      form={form}
      name="config.seconds"
      label="Wait"
      min={1}
      max={30 * 24 * 3_600}
      suffix="s"
      description={`That is ${formatDuration(node.config.seconds)}. At most 30 days.`}
    />
  );
}

export function JoinFields({ form }: Props<"join">) {
  return (
    <Field label="Goes on" error={errorOf(form, "config.wait")}>
      <NativeSelect {...form.register("config.wait")}>
        <option value="all">When every incoming branch ended</option>
        <option value="first">At the first branch to succeed (the rest are cancelled)</option>
      </NativeSelect>
    </Field>
  );
}

export function ParallelFields(_props: Props<"parallel">) {
  return <Note>Every step this one leads to starts at the same time. Meet the branches again with a Join.</Note>;
}

/** Transform and output: a template and whether it yields text or JSON. */
export function TemplateFormatFields({
  form,
  node,
  issues,
}: {
  form: NodeForm;
  node: NodeOf<"transform"> | NodeOf<"output">;
  issues: readonly GraphIssue[];
}) {
  return (
    <>
      <TemplateField
        form={form}
        name="config.template"
        label="Template"
        description="Liquid over the run's input and earlier steps, e.g. {{ steps.draft.output }}."
        issues={issuesFor(issues, "template")}
        validatedText={node.config.template}
        rows={7}
      />
      <Field label="Format" error={errorOf(form, "config.format")}>
        <NativeSelect {...form.register("config.format")}>
          <option value="text">Text</option>
          <option value="json">JSON (the result must parse)</option>
        </NativeSelect>
      </Field>
    </>
  );
}

export function SubworkflowFields({
  form,
  node,
  issues,
  workflows,
}: {
  form: NodeForm;
  node: NodeOf<"subworkflow">;
  issues: readonly GraphIssue[];
  workflows: readonly WorkflowOption[];
}) {
  const known = workflows.some((w) => w.id === node.config.workflowId);
  return (
    <>
      <Field
        label="Workflow"
        error={errorOf(form, "config.workflowId")}
        description="The saved workflow this step runs."
      >
        <NativeSelect {...form.register("config.workflowId")}>
          {known ? null : <option value={node.config.workflowId}>{node.config.workflowId} (not found)</option>}
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <TemplateField
        form={form}
        name="config.template"
        label="Its input"
        description="Liquid; the result is the sub-workflow's run input."
        issues={issuesFor(issues, "template")}
        validatedText={node.config.template}
        rows={4}
      />
    </>
  );
}
