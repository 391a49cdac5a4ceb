"use client";

import { CircleAlert, CircleCheck, CloudUpload, RefreshCw } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { SaveStatus as Status } from "./use-autosave";

/**
 * Where the draft stands: being saved, saved, waiting for the pause that
 * saves it, or not saved (another editor saved first: reload; an error:
 * retry). Viewers see nothing here, as they save nothing.
 */
export function SaveStatus(props: {
  status: Status;
  error: string | null;
  lastSavedAt: Date;
  onReload: () => void;
  onRetry: () => void;
}) {
  const common = { "data-testid": "save-status", "data-status": props.status, role: "status" } as const;
  switch (props.status) {
    case "saving":
      return (
        <span {...common} className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
          <Spinner label={null} className="size-3.5" />
          Saving…
        </span>
      );
    case "pending":
      return (
        <span {...common} className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
          <CloudUpload aria-hidden className="size-3.5" />
          Unsaved
        </span>
      );
    case "saved":
      return (
        <span
          {...common}
          className="inline-flex items-center gap-1.5 text-xs text-muted-foreground"
          title={`Draft saved ${formatDateTime(props.lastSavedAt)}`}
        >
          <CircleCheck aria-hidden className="size-3.5 text-success" />
          Saved
        </span>
      );
    case "conflict":
      return (
        <span {...common} className="inline-flex items-center gap-1.5 text-xs font-medium text-destructive">
          <CircleAlert aria-hidden className="size-3.5" />
          <span title={props.error ?? undefined}>Changed elsewhere</span>
          <Button size="sm" variant="outline" className="h-7" onClick={props.onReload}>
            <RefreshCw aria-hidden />
            Reload
          </Button>
        </span>
      );
    case "error":
      return (
        <span {...common} className="inline-flex items-center gap-1.5 text-xs font-medium text-destructive">
          <CircleAlert aria-hidden className="size-3.5" />
          <span title={props.error ?? undefined}>Not saved</span>
          <Button size="sm" variant="outline" className="h-7" onClick={props.onRetry}>
            Retry
          </Button>
        </span>
      );
  }
}
