"use client";

import { Download, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
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
      <Field label="From" className="sm:w-44" error={errors.from}>
        <Input
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </Field>
      <Field label="To" className="sm:w-44" error={errors.to}>
        <Input
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </Field>
      <div className="col-span-2 flex flex-wrap gap-2">
        {filtered ? (
          <Button variant="ghost" onClick={() => onChange({ kind: "", from: "", to: "" })}>
            <X aria-hidden /> Clear
          </Button>
        ) : null}
        {props.csvHref ? (
          <Button asChild variant="outline">
            <a href={props.csvHref} download data-testid="statement-csv">
              <Download aria-hidden /> Download CSV
            </a>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
