"use client";

import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import type { NodeOf } from "@/server/schemas/workflow-graph";
import type { GraphIssue, ListingOption } from "../lib/types";
import { errorOf, issuesFor, Note, NumberField } from "./form-bits";
import { TemplateField } from "./template-field";
import type { NodeForm } from "./use-node-form";

/** An agent step: which listing it calls, the message it sends, and how often it retries. */
export function AgentFields({
  form,
  node,
  issues,
  listings,
}: {
  form: NodeForm;
  node: NodeOf<"agent">;
  issues: readonly GraphIssue[];
  listings: readonly ListingOption[];
}) {
  const target = node.config.target;
  const known = target.kind === "listing" && listings.some((l) => l.slug === target.slug);
  return (
    <>
      {target.kind === "listing" ? (
        <Field
          label="Agent"
          error={errorOf(form, "config.target.slug")}
          description="Billed at the listing's price per task."
        >
          <NativeSelect {...form.register("config.target.slug")}>
            {known ? null : <option value={target.slug}>{target.slug} (not in the catalog)</option>}
            {listings.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name} · {l.priceCredits} cr
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : (
        <Note>
          This step calls a {target.kind === "position" ? "hired position" : "department"}; it is set where the plan was
          made.
        </Note>
      )}
      <TemplateField
        form={form}
        name="config.template"
        label="Message"
        description="Liquid: {{ input }} is the run's input, {{ steps.<id>.output }} an earlier step's."
        issues={issuesFor(issues, "template")}
        validatedText={node.config.template}
        rows={6}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Retries</legend>
        <div className="grid grid-cols-2 gap-3">
          <NumberField form={form} name="config.retry.maxAttempts" label="Attempts in all" min={1} max={10} />
          <NumberField
            form={form}
            name="config.retry.backoffSeconds"
            label="First wait"
            min={1}
            max={3600}
            suffix="s"
          />
        </div>
        <p className="text-xs text-muted-foreground">The wait doubles before each further attempt.</p>
      </fieldset>
    </>
  );
}
