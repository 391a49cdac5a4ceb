import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type StatProps = Omit<ComponentProps<"div">, "children"> & {
  label: ReactNode;
  value: ReactNode;
  /** Secondary line, e.g. "+12% vs last week" or "3 pending". */
  hint?: ReactNode;
  /** Optional small icon shown next to the label. */
  icon?: ReactNode;
};

/**
 * KPI tile. It is its own bordered card: place several in a grid, never
 * inside another Card (that drew a second border around each tile).
 */
export function Stat({ label, value, hint, icon, className, ...props }: StatProps) {
  return (
    <div
      className={cn("h-full rounded-xl border border-border bg-card p-4 text-card-foreground shadow-xs", className)}
      {...props}
    >
      <dl className="grid gap-1">
        <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground [&_svg]:size-3.5">
          {icon ? (
            <span aria-hidden="true" className="contents">
              {icon}
            </span>
          ) : null}
          {label}
        </dt>
        <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
        {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
      </dl>
    </div>
  );
}
