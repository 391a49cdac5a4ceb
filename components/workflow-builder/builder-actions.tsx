"use client";

import { EllipsisVertical, History, Play, Rocket, Webhook } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type BuilderActionsProps = {
  canEdit: boolean;
  /** Why Publish is off (errors, nothing new, a conflict), or null when it is on. */
  publishBlocked: string | null;
  /** Why Run is off (nothing published yet), or null. */
  runBlocked: string | null;
  onPublish: () => void;
  onRun: () => void;
  onHistory: () => void;
  onWebhook: () => void;
};

/**
 * The builder's actions. On a phone everything but Publish folds into a
 * menu; a disabled action says why, beside the button or in the menu item.
 */
export function BuilderActions(p: BuilderActionsProps) {
  const publish = p.canEdit ? (
    <Button
      size="sm"
      onClick={p.onPublish}
      disabled={p.publishBlocked !== null}
      title={p.publishBlocked ?? "Publish the draft as a new version"}
      data-testid="publish-button"
    >
      <Rocket aria-hidden />
      Publish
    </Button>
  ) : null;

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {p.canEdit && p.publishBlocked ? (
        <span
          className="hidden max-w-56 text-right text-xs text-muted-foreground md:inline"
          data-testid="publish-blocked"
        >
          {p.publishBlocked}
        </span>
      ) : null}
      <div className="hidden items-center gap-2 sm:flex">
        <Button size="sm" variant="outline" onClick={p.onHistory}>
          <History aria-hidden />
          History
        </Button>
        <Button size="sm" variant="outline" onClick={p.onWebhook} aria-label="Webhook trigger" title="Webhook trigger">
          <Webhook aria-hidden />
        </Button>
        {p.canEdit ? (
          <Button
            size="sm"
            variant="outline"
            onClick={p.onRun}
            disabled={p.runBlocked !== null}
            title={p.runBlocked ?? "Start a run of the newest version"}
          >
            <Play aria-hidden />
            Run
          </Button>
        ) : null}
      </div>
      {publish}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="icon" variant="outline" className="size-8 sm:hidden" aria-label="More actions">
            <EllipsisVertical />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-60">
          {p.canEdit ? (
            <DropdownMenuItem onSelect={p.onRun} disabled={p.runBlocked !== null}>
              <Play aria-hidden />
              <span className="grid">
                Run
                {p.runBlocked ? <span className="text-xs text-muted-foreground">{p.runBlocked}</span> : null}
              </span>
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem onSelect={p.onHistory}>
            <History aria-hidden />
            History
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={p.onWebhook}>
            <Webhook aria-hidden />
            Webhook trigger
          </DropdownMenuItem>
          {p.canEdit && p.publishBlocked ? (
            <p className="px-2 py-1.5 text-xs text-muted-foreground">Publish: {p.publishBlocked}</p>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
