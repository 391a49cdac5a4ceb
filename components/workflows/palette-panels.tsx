"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";
import type { NodeDefaultsContext } from "./lib/node-catalog";
import { NodePalette } from "./node-palette";

type PaletteProps = { defaults: NodeDefaultsContext; onAdd: (type: WorkflowNodeType) => void };

/** The palette as a column beside the canvas, on wide screens. */
export function PaletteColumn(props: PaletteProps) {
  return (
    <aside className="hidden w-60 shrink-0 overflow-y-auto border-r border-border bg-card p-2 lg:block">
      <NodePalette {...props} />
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
