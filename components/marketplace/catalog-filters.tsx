"use client";

import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { useCatalogNavigation } from "./catalog-navigation";
import {
  activeFilterCount,
  FILTER_KEYS,
  PRICE_ORDER_MESSAGE,
  type CatalogState,
  type FilterKey,
} from "./catalog-params";
import { useUrlText } from "./use-url-text";

const MODES = ["text/plain", "text/markdown", "text/csv", "application/json", "application/pdf", "image/png"];
const RATINGS = [
  { value: "3", label: "3 stars and up" },
  { value: "4", label: "4 stars and up" },
  { value: "4.5", label: "4.5 stars and up" },
];
/** Typing a price or a tag applies it after this pause (or at once on Enter or leaving the field). */
const TYPING_MS = 600;

function TextFilter(props: {
  name: FilterKey;
  label: string;
  placeholder: string;
  error?: string;
  /** Marked invalid without a message of its own (the message is the pair's). */
  invalid?: boolean;
  description?: string;
  numeric?: boolean;
}) {
  const { values, update } = useCatalogNavigation();
  const field = useUrlText(values[props.name], (value) => update({ [props.name]: value }), TYPING_MS);
  return (
    <Field label={props.label} error={props.error} description={props.description}>
      <Input
        name={props.name}
        inputMode={props.numeric ? "numeric" : undefined}
        placeholder={props.placeholder}
        value={field.text}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => field.setText(e.target.value)}
        onBlur={field.commit}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === "Enter") field.commit();
        }}
      />
    </Field>
  );
}

/** Price, rating, capability and modes; every change is a new URL (Back undoes it). */
export function CatalogFilters({ errors }: { errors: CatalogState["errors"] }) {
  const { values, update } = useCatalogNavigation();
  const crossed = errors.minPrice === PRICE_ORDER_MESSAGE;
  const modes = (key: "inputMode" | "outputMode", any: string) => (
    <NativeSelect value={values[key]} onChange={(e) => update({ [key]: e.target.value })}>
      <option value="">{any}</option>
      {/* A mode typed into the URL by hand still shows as chosen. */}
      {[...new Set([...MODES, ...(values[key] ? [values[key]] : [])])].map((m) => (
        <option key={m} value={m}>
          {m}
        </option>
      ))}
    </NativeSelect>
  );
  const checkbox = (key: "streaming" | "pushNotifications", label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-4 accent-primary"
        checked={values[key] === "true"}
        onChange={(e) => update({ [key]: e.target.checked ? "true" : "" })}
      />
      {label}
    </label>
  );
  return (
    <div className="space-y-4" aria-label="Filters" role="group">
      <div className="space-y-1.5">
        <div className="grid grid-cols-2 items-start gap-2">
          <TextFilter
            name="minPrice"
            label="Min price"
            placeholder="0"
            error={crossed ? undefined : errors.minPrice}
            invalid={crossed}
            numeric
          />
          <TextFilter
            name="maxPrice"
            label="Max price"
            placeholder="Any"
            error={crossed ? undefined : errors.maxPrice}
            invalid={crossed}
            numeric
          />
        </div>
        {crossed ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {PRICE_ORDER_MESSAGE}
          </p>
        ) : null}
      </div>
      <Field label="Minimum rating" error={errors.minRating}>
        <NativeSelect value={values.minRating} onChange={(e) => update({ minRating: e.target.value })}>
          <option value="">Any rating</option>
          {RATINGS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
          {values.minRating && !RATINGS.some((r) => r.value === values.minRating) ? (
            <option value={values.minRating}>{values.minRating}</option>
          ) : null}
        </NativeSelect>
      </Field>
      <TextFilter
        name="capability"
        label="Capability"
        placeholder="Any capability"
        description="A skill tag, e.g. translation or kpi."
        error={errors.capability}
      />
      <Field label="Accepts" error={errors.inputMode}>
        {modes("inputMode", "Any input")}
      </Field>
      <Field label="Produces" error={errors.outputMode}>
        {modes("outputMode", "Any output")}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Capabilities</legend>
        {checkbox("streaming", "Streams progress live")}
        {checkbox("pushNotifications", "Push notifications")}
        {errors.streaming || errors.pushNotifications ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {errors.streaming ?? errors.pushNotifications}
          </p>
        ) : null}
      </fieldset>
      {activeFilterCount(values) > 0 ? (
        <Button variant="ghost" size="sm" onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, ""])))}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
