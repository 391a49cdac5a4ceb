import { Workflow } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** Over an empty canvas: what to do first. Clicks pass through to the pane. */
export function CanvasEmpty({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">
      <div
        className={cn(
          "grid max-w-xs justify-items-center gap-2 rounded-xl border border-dashed border-border bg-card/80 p-6",
          "text-center backdrop-blur-sm",
        )}
      >
        <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Workflow aria-hidden className="size-5" />
        </span>
        <p className="text-sm font-semibold">{readOnly ? "This workflow has no steps" : "Start with a trigger"}</p>
        {readOnly ? null : (
          <p className="text-sm text-muted-foreground">
            Drag steps from the palette onto the canvas, or click one to add it. Connect them by dragging from a
            step&rsquo;s right edge to the next.
          </p>
        )}
      </div>
    </div>
  );
}
