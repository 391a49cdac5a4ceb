"use client";

import { DateRangeFields, FilterActions } from "@/components/filter-bar";
import { Field } from "@/components/ui/field";
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
      <DateRangeFields from={value.from} to={value.to} errors={errors} onChange={onChange} width="sm:w-40" />
      <FilterActions
        filtered={filtered}
        onClear={() => onChange({ action: "", actor: "", from: "", to: "" })}
        csvHref={props.csvHref}
        csvTestId="audit-csv"
      />
    </div>
  );
}
