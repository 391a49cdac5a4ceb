"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Radio } from "lucide-react";
import { memo, useDeferredValue, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { EVENT_GROUPS, groupOf, summarize, type EventGroupKey } from "./event-groups";
import { FEED_CAP, type FeedItem, type FeedStore } from "./feed-store";
import type { OrgStreamStatus } from "./use-org-event-stream";

const ROW_HEIGHT = 36;
const FEED_HEIGHT = 420;
const time = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

const STATUS_TEXT: Record<OrgStreamStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  failed: "Stopped: reload the page",
};

const FeedRow = memo(function FeedRow({ item, top }: { item: FeedItem; top: number }) {
  return (
    <div
      className="absolute inset-x-0 flex h-9 items-center gap-2 border-b border-border px-3 text-xs"
      style={{ transform: `translateY(${top}px)` }}
      data-testid="feed-row"
      data-type={item.type}
    >
      <span className="w-16 shrink-0 text-muted-foreground tabular-nums">{time.format(new Date(item.createdAt))}</span>
      <span className="w-36 shrink-0 truncate font-mono sm:w-44">{item.type}</span>
      <span className="min-w-0 flex-1 truncate text-muted-foreground">{summarize(item)}</span>
      <span className="hidden w-28 shrink-0 truncate font-mono text-muted-foreground md:block">{item.subject.id}</span>
      {item.synthetic ? <Badge variant="warning">synthetic</Badge> : null}
    </div>
  );
});

/**
 * The org's live events, newest first, virtualized (only the rows in view are
 * in the DOM), filterable by group and text. Reads the store's array, which
 * changes at most once per animation frame.
 */
export function EventFeed({ store, status }: { store: FeedStore; status: OrgStreamStatus }) {
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const [groups, setGroups] = useState<ReadonlySet<EventGroupKey>>(new Set());
  const [text, setText] = useState("");
  // Typing stays responsive while the filter runs over thousands of rows.
  const query = useDeferredValue(text.trim().toLowerCase());
  const shown = useMemo(() => {
    if (!groups.size && !query) return items;
    return items.filter((item) => {
      if (groups.size) {
        const group = groupOf(item.type);
        if (!group || !groups.has(group)) return false;
      }
      if (!query) return true;
      return (
        item.type.includes(query) ||
        item.subject.id.toLowerCase().includes(query) ||
        summarize(item).toLowerCase().includes(query)
      );
    });
  }, [items, groups, query]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => `${shown[index]!.synthetic ? "s" : "e"}${shown[index]!.id}`,
  });
  const toggle = (key: EventGroupKey) =>
    setGroups((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Card className="min-w-0" data-testid="event-feed">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>Live events</CardTitle>
          <Badge
            variant={status === "live" ? "success" : status === "failed" ? "destructive" : "secondary"}
            data-testid="feed-status"
          >
            <Radio aria-hidden /> {STATUS_TEXT[status]}
          </Badge>
        </div>
        <CardDescription>
          Newest first; the last {FEED_CAP.toLocaleString("en-US")} events stay on the page.{" "}
          <span data-testid="feed-count">{shown.length.toLocaleString("en-US")}</span> shown.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <div role="group" aria-label="Event types" className="flex flex-wrap gap-1.5">
            {EVENT_GROUPS.map((g) => (
              <button
                key={g.key}
                type="button"
                aria-pressed={groups.has(g.key)}
                onClick={() => toggle(g.key)}
                className={cn(
                  "h-7 rounded-full border px-3 text-xs font-medium transition-colors",
                  groups.has(g.key)
                    ? "border-primary bg-primary text-primary-foreground"
                    : "border-border text-muted-foreground hover:text-foreground",
                )}
              >
                {g.label}
              </button>
            ))}
          </div>
          <Input
            aria-label="Filter events"
            placeholder="Filter by type, subject or text"
            className="h-8 w-full sm:ml-auto sm:w-64"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        {shown.length === 0 ? (
          <EmptyState
            icon={<Radio />}
            title={items.length ? "No event matches the filter" : "No events yet"}
            description={
              items.length
                ? "Clear a group or the text to see more."
                : "Runs, credits, members, listings, keys and budgets show up here the moment they happen."
            }
          />
        ) : (
          <div
            ref={scroller}
            className="relative overflow-auto rounded-md border border-border"
            // Up to 420 px: a short feed does not leave a tall empty box.
            style={{ height: Math.min(FEED_HEIGHT, shown.length * ROW_HEIGHT + 2) }}
            data-testid="feed-scroller"
          >
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((row) => (
                <FeedRow key={row.key} item={shown[row.index]!} top={row.start} />
              ))}
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
