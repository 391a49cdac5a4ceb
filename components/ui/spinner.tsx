import { Loader2 } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SpinnerProps = ComponentProps<"svg"> & {
  /** Accessible label announced to screen readers. Pass `null` for a purely decorative spinner. */
  label?: string | null;
};

export function Spinner({ className, label = "Loading", ...props }: SpinnerProps) {
  const decorative = label === null;
  return (
    <Loader2
      role={decorative ? undefined : "status"}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative ? true : undefined}
      className={cn("size-4 shrink-0 animate-spin text-current", className)}
      {...props}
    />
  );
}
