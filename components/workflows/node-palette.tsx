"use client";

import { cn } from "@/components/ui/cn";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";
import { NODE_CATALOG, NODE_TYPES, nodeUnavailable, type NodeDefaultsContext } from "./lib/node-catalog";
import { NODE_LOOK } from "./nodes/node-look";
import { NODE_DRAG_TYPE } from "./use-palette-drop";

const GROUPS = ["Start", "Work", "Logic", "Finish"] as const;

/**
 * The node types to add: drag one onto the canvas, or click (or tap, on a
 * phone, where HTML5 drag does not exist) to drop it in the middle. A type
 * that needs something the org lacks (an agent listing, another workflow)
 * is shown disabled with the reason. `compact` is the icon rail beside the
 * canvas, names in the tooltips.
 */
export function NodePalette({
  defaults,
  onAdd,
  compact = false,
  className,
}: {
  defaults: NodeDefaultsContext;
  onAdd: (type: WorkflowNodeType) => void;
  compact?: boolean;
  className?: string;
}) {
  return (
    <nav aria-label="Steps to add" className={cn("grid", compact ? "justify-items-center gap-2" : "gap-4", className)}>
      {GROUPS.map((group, index) => (
        <section key={group} className={cn("grid gap-1", compact && "justify-items-center")}>
          {compact ? (
            index > 0 ? (
              <hr className="mb-1 w-6 border-border" />
            ) : null
          ) : (
            <h3 className="px-2 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">{group}</h3>
          )}
          {NODE_TYPES.filter((t) => NODE_CATALOG[t].group === group).map((type) => {
            const entry = NODE_CATALOG[type];
            const { icon: Icon, tint } = NODE_LOOK[type];
            const unavailable = nodeUnavailable(type, defaults);
            return (
              <button
                key={type}
                type="button"
                draggable={!unavailable}
                disabled={Boolean(unavailable)}
                data-testid={`palette-${type}`}
                aria-label={compact ? `Add ${entry.label}` : undefined}
                title={
                  unavailable
                    ? `${entry.label}: ${unavailable}`
                    : `${entry.label}: ${entry.description} Drag onto the canvas, or click to add.`
                }
                onDragStart={(e) => {
                  e.dataTransfer.setData(NODE_DRAG_TYPE, type);
                  e.dataTransfer.effectAllowed = "copy";
                }}
                onClick={() => onAdd(type)}
                className={cn(
                  "flex items-center rounded-lg text-left text-sm outline-none",
                  "cursor-grab transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                  "active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50",
                  "disabled:hover:bg-transparent",
                  compact ? "size-10 justify-center" : "w-full gap-2.5 px-2 py-1.5",
                )}
              >
                <span className={cn("flex size-7 shrink-0 items-center justify-center rounded-md", tint)}>
                  <Icon aria-hidden className="size-4" />
                </span>
                {compact ? null : (
                  <span className="grid min-w-0">
                    <span className="truncate font-medium">{entry.label}</span>
                    <span className="truncate text-xs text-muted-foreground">{unavailable ?? entry.description}</span>
                  </span>
                )}
              </button>
            );
          })}
        </section>
      ))}
    </nav>
  );
}
