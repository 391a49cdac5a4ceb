"use client";

import { CircleAlert, Coins, LayoutDashboard, Redo2, TriangleAlert, Undo2 } from "lucide-react";
import type { ReactNode } from "react";
import { formatCredits } from "@/components/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { BudgetCap } from "./budget-cap";
import type { PriceEstimate } from "./lib/types";
import { ShortcutsHelp } from "./shortcuts-help";

export type CanvasHeaderProps = {
  readOnly: boolean;
  history: { canUndo: boolean; canRedo: boolean; undo: () => void; redo: () => void };
  onLayout: () => void;
  layingOut: boolean;
  budgetCap: number | null;
  onBudgetCap: (value: number | null) => void;
  estimate?: PriceEstimate;
  /** What the run spent so far, when the canvas shows a run. */
  spent: number | null;
  issues: { errors: number; warnings: number };
  /** The palette's sheet trigger on narrow screens. */
  start?: ReactNode;
  /** The page's own actions (save state, publish…). */
  end?: ReactNode;
};

const range = (e: PriceEstimate) =>
  e.minCredits === e.maxCredits
    ? `${formatCredits(e.minCredits)} cr`
    : `${formatCredits(e.minCredits)}–${formatCredits(e.maxCredits)} cr`;

/** The strip above the canvas: edit actions on the left, the run's money and issue counts on the right. */
export function CanvasHeader(p: CanvasHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-border bg-card px-2 py-1.5 sm:px-3">
      <div className="flex items-center gap-0.5">
        {p.start}
        {p.readOnly ? null : (
          <>
            <Button
              variant="ghost"
              size="icon"
              aria-label="Undo"
              title="Undo"
              disabled={!p.history.canUndo}
              onClick={p.history.undo}
            >
              <Undo2 />
            </Button>
            <Button
              variant="ghost"
              size="icon"
              aria-label="Redo"
              title="Redo"
              disabled={!p.history.canRedo}
              onClick={p.history.redo}
            >
              <Redo2 />
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={p.onLayout}
              loading={p.layingOut}
              title="Arrange the steps automatically"
            >
              <LayoutDashboard aria-hidden />
              <span className="@max-2xl/canvas:sr-only">Tidy up</span>
            </Button>
          </>
        )}
        <ShortcutsHelp />
      </div>
      <div
        className={cn(
          "ml-auto flex items-center justify-end gap-x-3 gap-y-1.5",
          "@max-md/canvas:w-full @max-md/canvas:justify-between",
        )}
      >
        {p.issues.errors + p.issues.warnings > 0 ? (
          <span className="flex items-center gap-2 text-xs font-medium" data-testid="canvas-issue-count">
            {p.issues.errors > 0 ? (
              <span className="inline-flex items-center gap-1 text-destructive">
                <CircleAlert aria-hidden className="size-3.5" />
                {p.issues.errors}
                <span className="@max-2xl/canvas:sr-only">{p.issues.errors === 1 ? "error" : "errors"}</span>
              </span>
            ) : null}
            {p.issues.warnings > 0 ? (
              <span className="inline-flex items-center gap-1 text-warning-foreground dark:text-warning">
                <TriangleAlert aria-hidden className="size-3.5" />
                {p.issues.warnings}
                <span className="@max-2xl/canvas:sr-only">{p.issues.warnings === 1 ? "warning" : "warnings"}</span>
              </span>
            ) : null}
          </span>
        ) : null}
        {p.spent !== null ? (
          <Chip label="Spent" value={`${formatCredits(p.spent)} cr`} testId="run-spent" />
        ) : p.estimate ? (
          <Chip label="Estimate" value={range(p.estimate)} testId="price-estimate" />
        ) : null}
        <BudgetCap value={p.budgetCap} onChange={p.onBudgetCap} readOnly={p.readOnly} />
        {p.end}
      </div>
    </div>
  );
}

function Chip({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <span
      data-testid={testId}
      className={cn("inline-flex items-center gap-1.5 text-xs text-muted-foreground")}
      title={label === "Estimate" ? "Price of one run, from the listed prices" : undefined}
    >
      <Coins aria-hidden className="size-3.5" />
      <span className="@max-2xl/canvas:sr-only">{label}</span>
      <span className="font-medium text-foreground tabular-nums">{value}</span>
    </span>
  );
}
