"use client";

import { CATEGORIES, type CategorySlug } from "@/server/schemas/categories";

/** Up to three categories, as checkboxes (simple for keyboards and for tests). */
export function CategoryPicker({
  value,
  onChange,
  error,
}: {
  value: CategorySlug[];
  onChange: (next: CategorySlug[]) => void;
  error?: string;
}) {
  const toggle = (slug: CategorySlug, on: boolean) => onChange(on ? [...value, slug] : value.filter((v) => v !== slug));
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">
        Categories <span className="font-normal text-muted-foreground">(up to 3)</span>
      </legend>
      <div className="grid grid-cols-2 gap-x-4 gap-y-1.5">
        {CATEGORIES.map((c) => (
          <label key={c.slug} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={value.includes(c.slug)}
              disabled={!value.includes(c.slug) && value.length >= 3}
              onChange={(e) => toggle(c.slug, e.target.checked)}
            />
            {c.label}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** "a, b ,c" -> ["a","b","c"]. */
export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  ),
];
