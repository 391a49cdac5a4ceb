"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { argumentsFrom, initialValues, type FieldSpec, type FieldValues } from "./schema-fields";

/** A form generated from a tool's input schema; submits the arguments it reads back. */
export function ToolForm({
  fields,
  running,
  onRun,
  onCancel,
}: {
  fields: FieldSpec[];
  running: boolean;
  onRun: (args: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = argumentsFrom(fields, values);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    onRun(read.args);
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Tool arguments">
      {fields.length === 0 ? <p className="text-sm text-muted-foreground">This tool takes no arguments.</p> : null}
      {fields.map((field) => (
        <Field
          key={field.name}
          label={
            <span>
              {field.label} <code className="text-xs font-normal text-muted-foreground">{field.name}</code>
            </span>
          }
          description={field.description}
          error={errors[field.name]}
          required={field.required}
        >
          {field.kind === "boolean" ? (
            <input
              type="checkbox"
              className="size-4"
              checked={values[field.name] === true}
              onChange={(e) => set(field.name, e.target.checked)}
            />
          ) : field.kind === "enum" ? (
            <select
              className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm"
              value={String(values[field.name] ?? "")}
              onChange={(e) => set(field.name, e.target.value)}
            >
              {field.required && field.defaultValue === undefined ? null : <option value="">—</option>}
              {field.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ) : field.kind === "json" || (field.kind === "text" && field.multiline) ? (
            <Textarea
              rows={field.kind === "json" ? 3 : 4}
              className={field.kind === "json" ? "font-mono text-xs" : undefined}
              placeholder={field.kind === "json" ? '{"key": "value"}' : undefined}
              maxLength={field.kind === "text" ? field.maxLength : undefined}
              value={String(values[field.name] ?? "")}
              onChange={(e) => set(field.name, e.target.value)}
            />
          ) : (
            <Input
              type={field.kind === "number" ? "number" : "text"}
              min={field.kind === "number" ? field.minimum : undefined}
              max={field.kind === "number" ? field.maximum : undefined}
              step={field.kind === "number" && field.integer ? 1 : undefined}
              maxLength={field.kind === "text" ? field.maxLength : undefined}
              value={String(values[field.name] ?? "")}
              onChange={(e) => set(field.name, e.target.value)}
            />
          )}
        </Field>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={running} disabled={running}>
          Call tool
        </Button>
        {running ? (
          <Button type="button" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
