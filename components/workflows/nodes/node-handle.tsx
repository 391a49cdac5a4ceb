import { Handle, Position, type HandleProps } from "@xyflow/react";
import { cn } from "@/components/ui/cn";

/** A connection point styled like the app: a small ring that fills on hover. */
export function NodeHandle({ className, ...props }: HandleProps & { className?: string }) {
  return (
    <Handle
      className={cn(
        "size-3! rounded-full! border-2! border-card! bg-muted-foreground/70! transition-colors",
        "hover:bg-primary! [.connectingfrom]:bg-primary! [.valid]:bg-success!",
        // A read-only canvas (a run, a published version) connects nothing: no dots to grab.
        "[&:not(.connectable)]:opacity-0",
        className,
      )}
      {...props}
    />
  );
}

export { Position };
