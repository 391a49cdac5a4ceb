"use client";

import { Controller } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import type { NodeOf } from "@/server/schemas/workflow-graph";
import { formatDuration } from "../lib/node-summary";
import type { GraphIssue, MemberOption } from "../lib/types";
import { CheckList } from "./check-list";
import { errorOf, issuesFor, NumberField } from "./form-bits";
import { TemplateField } from "./template-field";
import type { NodeForm } from "./use-node-form";

const ROLES = [
  { value: "owner", label: "Owners" },
  { value: "admin", label: "Admins" },
  { value: "member", label: "Members" },
];

/** An approval: who may decide (by role or by name), what they read, and what a missed deadline means. */
export function ApprovalFields({
  form,
  node,
  issues,
  members,
}: {
  form: NodeForm;
  node: NodeOf<"approval">;
  issues: readonly GraphIssue[];
  members: readonly MemberOption[];
}) {
  const userIds = node.config.approvers.userIds;
  // A member who left still shows, so the list says who the step names.
  const options = [
    ...members.map((m) => ({ value: m.id, label: m.name })),
    ...userIds
      .filter((id) => !members.some((m) => m.id === id))
      .map((id) => ({ value: id, label: `${id} (not a member)` })),
  ];
  return (
    <>
      <Controller
        control={form.control}
        name="config.approvers.roles"
        render={({ field, fieldState }) => (
          <CheckList
            legend="Approvers by role"
            options={ROLES}
            value={(field.value as string[] | undefined) ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="config.approvers.userIds"
        render={({ field, fieldState }) => (
          <CheckList
            legend="Named approvers"
            options={options}
            value={(field.value as string[] | undefined) ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            empty="No members to name yet."
          />
        )}
      />
      <TemplateField
        form={form}
        name="config.template"
        label="What the approvers read"
        description="Liquid over earlier outputs, e.g. {{ steps.write.output }}."
        issues={issuesFor(issues, "template")}
        validatedText={node.config.template}
      />
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          form={form}
          name="config.deadlineHours"
          label="Deadline"
          min={0.01}
          max={720}
          step={0.01}
          suffix="h"
          description={formatDuration(node.config.deadlineHours * 3_600)}
        />
        <Field label="When it passes" error={errorOf(form, "config.onTimeout")}>
          <NativeSelect {...form.register("config.onTimeout")}>
            <option value="reject">Reject</option>
            <option value="approve">Approve</option>
          </NativeSelect>
        </Field>
      </div>
    </>
  );
}
