"use client";

import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useState } from "react";
import { creditCount } from "@/components/format";
import { useDebounced } from "@/components/marketplace/use-debounced";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";

export interface HireAgent {
  slug: string;
  name: string;
  priceCredits: number;
  iconUrl: string | null;
  provider?: string;
}

const RESULTS = 6;

/** The chosen agent, with a way back to the search when it was picked here. */
export function ChosenAgent({ agent, onChange }: { agent: HireAgent; onChange?: () => void }) {
  return (
    <div className="flex items-center gap-3 rounded-lg border border-border p-3" data-testid="hire-agent">
      <Avatar name={agent.name} src={agent.iconUrl} shape="square" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{agent.name}</p>
        <p className="text-xs text-muted-foreground">{creditCount(agent.priceCredits)} a task</p>
      </div>
      {onChange ? (
        <Button type="button" variant="ghost" size="sm" onClick={onChange}>
          Change
        </Button>
      ) : null}
    </div>
  );
}

/** A search of the marketplace (the catalog's own search), to pick the agent to hire. */
export function AgentPicker({ onPick }: { onPick: (agent: HireAgent) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 250);
  const results = useQuery(trpc.agents.search.queryOptions({ q: q || undefined, limit: RESULTS }));
  return (
    <div className="grid gap-2">
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          type="search"
          aria-label="Search the marketplace"
          placeholder="Search agents: contracts, blog posts, invoices…"
          className="pl-9"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {results.error ? (
        <p role="alert" className="text-sm text-destructive">
          {results.error.message}
        </p>
      ) : results.isPending ? (
        <Skeleton className="h-36" />
      ) : results.data.items.length === 0 ? (
        <p className="py-4 text-center text-sm text-muted-foreground">No agent matches “{q}”.</p>
      ) : (
        <ul className="grid max-h-64 gap-1 overflow-y-auto" aria-label="Agents" data-testid="hire-search-results">
          {results.data.items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={cn(
                  "flex w-full items-center gap-3 rounded-md px-2 py-2 text-left",
                  "hover:bg-accent focus-visible:bg-accent focus-visible:outline-none",
                )}
                onClick={() =>
                  onPick({
                    slug: a.slug,
                    name: a.name,
                    priceCredits: a.pricePerTask,
                    iconUrl: a.iconUrl,
                    provider: a.provider,
                  })
                }
              >
                <Avatar name={a.name} src={a.iconUrl} shape="square" size="sm" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">{a.name}</span>
                  <span className="block truncate text-xs text-muted-foreground">
                    {a.provider} · {a.skillNames.slice(0, 3).join(", ")}
                  </span>
                </span>
                <span className="shrink-0 text-xs tabular-nums text-muted-foreground">
                  {creditCount(a.pricePerTask)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
