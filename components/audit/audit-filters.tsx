"use client";

import { Download, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export interface AuditFilterValues {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export function AuditFilters(props: {
  value: AuditFilterValues;
  errors: Partial<Record<keyof AuditFilterValues, string>>;
  actions: string[];
  actors: { id: string; name: string }[];
  csvHref: string | null;
  onChange: (next: Partial<AuditFilterValues>) => void;
}) {
  const { value, errors, onChange } = props;
  const filtered = Boolean(value.action || value.actor || value.from || value.to);
  return (
    <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end" data-testid="audit-filters">
      <Field label="Action" className="col-span-2 sm:w-52" error={errors.action}>
        <NativeSelect value={value.action} onChange={(e) => onChange({ action: e.target.value })}>
          <option value="">All actions</option>
          {props.actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Actor" className="col-span-2 sm:w-48" error={errors.actor}>
        <NativeSelect value={value.actor} onChange={(e) => onChange({ actor: e.target.value })}>
          <option value="">Anyone</option>
          {props.actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="From" className="sm:w-40" error={errors.from}>
        <Input
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </Field>
      <Field label="To" className="sm:w-40" error={errors.to}>
        <Input
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </Field>
      <div className="col-span-2 flex flex-wrap gap-2">
        {filtered ? (
          <Button variant="ghost" onClick={() => onChange({ action: "", actor: "", from: "", to: "" })}>
            <X aria-hidden /> Clear
          </Button>
        ) : null}
        {props.csvHref ? (
          <Button asChild variant="outline">
            <a href={props.csvHref} download data-testid="audit-csv">
              <Download aria-hidden /> Download CSV
            </a>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
