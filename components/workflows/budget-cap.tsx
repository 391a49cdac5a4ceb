"use client";

import { Wallet } from "lucide-react";
import { useState, type FormEvent } from "react";
import { formatCredits } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "./canvas-popover";

/** Whole credits above zero, as the graph schema wants them; null when the text is not one. */
export function parseCap(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n > 0 ? n : null;
}

/** The run's budget cap (graph.budgetCapCredits): shown in the header strip, set or removed in a popover. */
export function BudgetCap({
  value,
  onChange,
  readOnly,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  readOnly?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const label = value === null ? "No budget cap" : `Cap ${formatCredits(value)} cr`;

  if (readOnly) {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="budget-cap">
        <Wallet aria-hidden className="size-3.5" />
        {label}
      </span>
    );
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    const cap = parseCap(text);
    if (cap === null) return setError("Enter a whole number of credits above 0.");
    onChange(cap);
    setOpen(false);
  };

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setText(value === null ? "" : String(value));
        setError(null);
      }}
    >
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" data-testid="budget-cap" title="The most one run may spend">
          <Wallet aria-hidden />
          {label}
        </Button>
      </PopoverTrigger>
      <PopoverContent>
        <form onSubmit={save} className="grid gap-3" noValidate>
          <Field
            label="Budget cap per run"
            description="An agent step that would take the run past it is refused before it starts."
            error={error}
          >
            <Input inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. 500" />
          </Field>
          <div className="flex justify-end gap-2">
            {value !== null ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => {
                  onChange(null);
                  setOpen(false);
                }}
              >
                Remove cap
              </Button>
            ) : null}
            <Button type="submit" size="sm">
              Save
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
