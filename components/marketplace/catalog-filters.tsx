"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export interface CatalogFilterState {
  minPrice: string;
  maxPrice: string;
  minRating: string;
  capability: string;
  inputMode: string;
  outputMode: string;
  streaming: boolean;
  pushNotifications: boolean;
}

export const EMPTY_FILTERS: CatalogFilterState = {
  minPrice: "",
  maxPrice: "",
  minRating: "",
  capability: "",
  inputMode: "",
  outputMode: "",
  streaming: false,
  pushNotifications: false,
};

const MODES = ["text/plain", "text/markdown", "text/csv", "application/json", "application/pdf", "image/png"];

/** Numbers typed by the buyer, or undefined when empty or not a number. */
export function toInt(value: string): number | undefined {
  const n = Number(value);
  return value.trim() === "" || !Number.isFinite(n) ? undefined : Math.max(0, Math.round(n));
}

export function CatalogFilters({
  value,
  onChange,
}: {
  value: CatalogFilterState;
  onChange: (next: CatalogFilterState) => void;
}) {
  const set = <K extends keyof CatalogFilterState>(key: K, next: CatalogFilterState[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <div className="space-y-4" aria-label="Filters" role="group">
      <div className="grid grid-cols-2 gap-2">
        <Field label="Min price">
          <Input
            inputMode="numeric"
            placeholder="0"
            value={value.minPrice}
            onChange={(e) => set("minPrice", e.target.value)}
          />
        </Field>
        <Field label="Max price">
          <Input
            inputMode="numeric"
            placeholder="Any"
            value={value.maxPrice}
            onChange={(e) => set("maxPrice", e.target.value)}
          />
        </Field>
      </div>
      <Field label="Minimum rating">
        <NativeSelect value={value.minRating} onChange={(e) => set("minRating", e.target.value)}>
          <option value="">Any rating</option>
          <option value="3">3 stars and up</option>
          <option value="4">4 stars and up</option>
          <option value="4.5">4.5 stars and up</option>
        </NativeSelect>
      </Field>
      <Field label="Capability" description="A skill tag, e.g. translation or kpi.">
        <Input
          placeholder="Any capability"
          value={value.capability}
          onChange={(e) => set("capability", e.target.value)}
        />
      </Field>
      <Field label="Accepts">
        <NativeSelect value={value.inputMode} onChange={(e) => set("inputMode", e.target.value)}>
          <option value="">Any input</option>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Produces">
        <NativeSelect value={value.outputMode} onChange={(e) => set("outputMode", e.target.value)}>
          <option value="">Any output</option>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Capabilities</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={value.streaming}
            onChange={(e) => set("streaming", e.target.checked)}
          />
          Streams progress live
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={value.pushNotifications}
            onChange={(e) => set("pushNotifications", e.target.checked)}
          />
          Push notifications
        </label>
      </fieldset>
    </div>
  );
}
