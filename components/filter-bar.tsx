"use client";

import { Download, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** From and To day pickers that keep the range the right way round (statement, audit log). */
export function DateRangeFields(props: {
  from: string;
  to: string;
  errors: { from?: string; to?: string };
  onChange: (next: { from?: string; to?: string }) => void;
  /** Tailwind width of each field from the sm breakpoint, e.g. "sm:w-44". */
  width: string;
}) {
  return (
    <>
      <Field label="From" className={props.width} error={props.errors.from}>
        <Input
          type="date"
          value={props.from}
          max={props.to || undefined}
          onChange={(e) => props.onChange({ from: e.target.value })}
        />
      </Field>
      <Field label="To" className={props.width} error={props.errors.to}>
        <Input
          type="date"
          value={props.to}
          min={props.from || undefined}
          onChange={(e) => props.onChange({ to: e.target.value })}
        />
      </Field>
    </>
  );
}

/** Clear (while any filter is set) and the CSV of exactly what the filters show. */
export function FilterActions(props: {
  filtered: boolean;
  onClear: () => void;
  csvHref: string | null;
  csvTestId: string;
  className?: string;
}) {
  return (
    <div className={cn("col-span-2 flex flex-wrap gap-2", props.className)}>
      {props.filtered ? (
        <Button variant="ghost" onClick={props.onClear}>
          <X aria-hidden /> Clear
        </Button>
      ) : null}
      {props.csvHref ? (
        <Button asChild variant="outline">
          <a href={props.csvHref} download data-testid={props.csvTestId}>
            <Download aria-hidden /> Download CSV
          </a>
        </Button>
      ) : null}
    </div>
  );
}
