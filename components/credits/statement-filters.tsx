"use client";

import { DateRangeFields, FilterActions } from "@/components/filter-bar";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { STATEMENT_KINDS, type StatementKind } from "@/server/schemas/statement-kinds";
import { KIND_LABEL } from "./statement-format";

export interface StatementFilterValues {
  kind: string;
  from: string;
  to: string;
}

/** Kind and date range of the statement, plus the CSV of exactly what is shown. */
export function StatementFilters(props: {
  value: StatementFilterValues;
  errors: Partial<Record<keyof StatementFilterValues, string>>;
  csvHref: string | null;
  onChange: (next: Partial<StatementFilterValues>) => void;
}) {
  const { value, errors, onChange } = props;
  const filtered = Boolean(value.kind || value.from || value.to);
  return (
    <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end" data-testid="statement-filters">
      <Field label="Kind" className="col-span-2 sm:w-44" error={errors.kind}>
        <NativeSelect value={value.kind} onChange={(e) => onChange({ kind: e.target.value })}>
          <option value="">All kinds</option>
          {STATEMENT_KINDS.map((kind: StatementKind) => (
            <option key={kind} value={kind}>
              {KIND_LABEL[kind]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <DateRangeFields from={value.from} to={value.to} errors={errors} onChange={onChange} width="sm:w-44" />
      <FilterActions
        filtered={filtered}
        onClear={() => onChange({ kind: "", from: "", to: "" })}
        csvHref={props.csvHref}
        csvTestId="statement-csv"
      />
    </div>
  );
}
