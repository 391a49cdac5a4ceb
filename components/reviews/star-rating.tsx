"use client";

import { Star } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** Read-only stars, e.g. on a review. */
export function Stars({ rating, className }: { rating: number; className?: string }) {
  return (
    <span
      className={cn("inline-flex items-center gap-0.5", className)}
      role="img"
      aria-label={`${rating} out of 5 stars`}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <Star
          key={n}
          aria-hidden
          className={cn("size-4", n <= rating ? "fill-warning text-warning" : "text-muted-foreground/40")}
        />
      ))}
    </span>
  );
}

/** A 1–5 star picker: a radio group, so it works with the keyboard and screen readers. */
export function StarInput({
  value,
  onChange,
  disabled,
}: {
  value: number;
  onChange: (rating: number) => void;
  disabled?: boolean;
}) {
  return (
    <div role="radiogroup" aria-label="Rating" className="inline-flex items-center gap-1">
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={`${n} star${n === 1 ? "" : "s"}`}
          disabled={disabled}
          onClick={() => onChange(n)}
          className={cn(
            "rounded-sm p-0.5 outline-none transition-transform hover:scale-110",
            "focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50",
          )}
        >
          <Star
            aria-hidden
            className={cn("size-6", n <= value ? "fill-warning text-warning" : "text-muted-foreground/50")}
          />
        </button>
      ))}
    </div>
  );
}
