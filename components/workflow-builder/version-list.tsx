"use client";

import { RotateCcw } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { VersionSummary } from "./builder-types";

/** The versions, newest first, as a list of choices: number, when, by whom, its note and how many runs used it. */
export function VersionList(props: {
  items: VersionSummary[];
  selected: number | null;
  onSelect: (version: number) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const newest = props.items[0]?.number;
  return (
    <div className="grid content-start gap-2 md:max-h-[60dvh] md:overflow-y-auto md:pr-1">
      <ul className="grid gap-1.5" aria-label="Versions">
        {props.items.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              onClick={() => props.onSelect(v.number)}
              aria-pressed={props.selected === v.number}
              data-testid="version-item"
              data-version={v.number}
              className={cn(
                "grid w-full gap-0.5 rounded-lg border px-3 py-2 text-left text-sm transition-colors outline-none",
                "focus-visible:ring-2 focus-visible:ring-ring",
                props.selected === v.number
                  ? "border-primary bg-primary/5"
                  : "border-border hover:bg-accent hover:text-accent-foreground",
              )}
            >
              <span className="flex items-center gap-2">
                <span className="font-semibold tabular-nums">v{v.number}</span>
                {v.number === newest ? <Badge variant="success">Live</Badge> : null}
                {v.rolledBackFrom !== null ? (
                  <Badge variant="outline" title={`A copy of version ${v.rolledBackFrom}`}>
                    <RotateCcw aria-hidden />v{v.rolledBackFrom}
                  </Badge>
                ) : null}
                <span className="ml-auto text-xs text-muted-foreground tabular-nums">
                  {v.runCount} {v.runCount === 1 ? "run" : "runs"}
                </span>
              </span>
              <span className="text-xs text-muted-foreground">
                {formatDateTime(v.createdAt)}
                {v.publishedByName ? ` · ${v.publishedByName}` : ""}
              </span>
              {v.note ? <span className="line-clamp-2 text-xs">{v.note}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {props.hasMore ? (
        <Button variant="ghost" size="sm" loading={props.loadingMore} onClick={props.onMore}>
          Older versions
        </Button>
      ) : null}
    </div>
  );
}
