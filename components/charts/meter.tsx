import { cn } from "@/components/ui/cn";

/**
 * A horizontal bar for "how much of something": spend against a cap, an
 * agent's share of spend. Turns warning at `warnAt`% and destructive at 100%
 * when `tone` is "budget"; plain primary otherwise.
 */
export function Meter({
  value,
  max,
  label,
  tone = "plain",
  warnAt = 80,
  className,
}: {
  value: number;
  max: number;
  /** Accessible name, e.g. "Spend against the monthly cap". */
  label: string;
  tone?: "plain" | "budget";
  warnAt?: number;
  className?: string;
}) {
  const percent = max > 0 ? Math.min(100, Math.max(0, Math.floor((value * 100) / max))) : 0;
  const color =
    tone === "budget" && percent >= 100
      ? "bg-destructive"
      : tone === "budget" && percent >= warnAt
        ? "bg-warning"
        : "bg-primary";
  return (
    <div
      className={cn("h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      role="meter"
      aria-label={label}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuetext={`${percent}%`}
    >
      <div className={cn("h-full rounded-full transition-[width]", color)} style={{ width: `${percent}%` }} />
    </div>
  );
}
