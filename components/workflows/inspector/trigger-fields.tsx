"use client";

import { Controller } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { NodeOf } from "@/server/schemas/workflow-graph";
import { errorOf, Note } from "./form-bits";
import type { NodeForm } from "./use-node-form";

type Kind = NodeOf<"trigger">["config"]["kind"];

const KINDS: { value: Kind; label: string; note?: string }[] = [
  { value: "manual", label: "By hand", note: "Someone starts the run from the workflow's page." },
  { value: "schedule", label: "On a schedule" },
  {
    value: "webhook",
    label: "Webhook",
    note: "A signed POST to the workflow's webhook URL starts a run; its JSON body is the input.",
  },
  { value: "api", label: "API", note: "POST /api/v1/workflows/{id}/runs with an API key that has workflows:run." },
];

const DEFAULTS: Record<Kind, NodeOf<"trigger">["config"]> = {
  manual: { kind: "manual" },
  api: { kind: "api" },
  webhook: { kind: "webhook" },
  schedule: { kind: "schedule", cron: "0 9 * * 1-5", timeZone: "UTC" },
};

/** The browser's IANA zones, for the time-zone suggestions; empty where the API is missing. */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

/** How a run starts; a schedule adds its cron and time zone. */
export function TriggerFields({ form, node }: { form: NodeForm; node: NodeOf<"trigger"> }) {
  const kind = node.config.kind;
  return (
    <>
      <Controller
        control={form.control}
        name="config.kind"
        render={({ field }) => (
          <Field label="Starts">
            <NativeSelect
              value={field.value as string}
              onChange={(e) => {
                const next = e.target.value as Kind;
                form.setValue("config", DEFAULTS[next], { shouldDirty: true, shouldValidate: true });
              }}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
      />
      {kind === "schedule" ? (
        <>
          <Field
            label="Cron"
            description="Five fields: minute, hour, day of month, month, day of week."
            error={errorOf(form, "config.cron")}
          >
            <Input className="font-mono" spellCheck={false} {...form.register("config.cron")} />
          </Field>
          <Field label="Time zone" error={errorOf(form, "config.timeZone")}>
            <Input list="workflow-time-zones" spellCheck={false} {...form.register("config.timeZone")} />
          </Field>
          <datalist id="workflow-time-zones">
            {timeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      ) : (
        <Note>{KINDS.find((k) => k.value === kind)?.note}</Note>
      )}
    </>
  );
}
