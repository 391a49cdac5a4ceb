"use client";

import { PanelLeftClose, PanelLeftOpen, Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";
import type { NodeDefaultsContext } from "./lib/node-catalog";
import { NodePalette } from "./node-palette";

type PaletteProps = { defaults: NodeDefaultsContext; onAdd: (type: WorkflowNodeType) => void };

/**
 * The palette beside the canvas on wide screens: an icon rail by default,
 * since the app's content column is narrow for a canvas, opened into names
 * and descriptions on request.
 */
export function PaletteColumn(props: PaletteProps) {
  const [open, setOpen] = useState(false);
  const Toggle = open ? PanelLeftClose : PanelLeftOpen;
  return (
    <aside
      className={cn(
        "hidden shrink-0 flex-col gap-2 overflow-y-auto border-r border-border bg-card p-2 lg:flex",
        open ? "w-60" : "w-14 items-center",
      )}
    >
      <Button
        variant="ghost"
        size="icon"
        className={cn("shrink-0 text-muted-foreground", open && "self-end")}
        aria-label={open ? "Show icons only" : "Show step names"}
        title={open ? "Show icons only" : "Show step names"}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Toggle />
      </Button>
      <NodePalette {...props} compact={!open} />
    </aside>
  );
}

/** On narrow screens the palette is a sheet; picking a step adds it in the middle and closes the sheet. */
export function PaletteSheet({ defaults, onAdd }: PaletteProps) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="outline" size="sm" className="mr-1 lg:hidden" data-testid="open-palette">
          <Plus aria-hidden />
          Add step
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="gap-3 p-3">
        <SheetHeader className="px-2 pt-1">
          <SheetTitle>Add a step</SheetTitle>
          <SheetDescription>Tap a step to place it in the middle of the canvas.</SheetDescription>
        </SheetHeader>
        <NodePalette
          defaults={defaults}
          onAdd={(type) => {
            onAdd(type);
            setOpen(false);
          }}
        />
      </SheetContent>
    </Sheet>
  );
}
