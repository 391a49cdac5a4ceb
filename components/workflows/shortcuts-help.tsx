"use client";

import { Keyboard } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { shortcutList } from "./lib/shortcuts";
import { Popover, PopoverContent, PopoverTrigger } from "./canvas-popover";
import { isMac } from "./use-canvas-shortcuts";

const noSubscribe = () => () => {};

/** The keyboard shortcuts, as this platform writes them (⌘ on a Mac, Ctrl elsewhere). */
export function ShortcutsHelp() {
  // The platform is only known in the browser; the server renders the Ctrl list.
  const mac = useSyncExternalStore(noSubscribe, isMac, () => false);
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts">
          <Keyboard />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-64">
        <h3 className="mb-2 text-sm font-semibold">Keyboard shortcuts</h3>
        <dl className="grid gap-1.5 text-sm">
          {shortcutList(mac).map((s) => (
            <div key={s.label} className="flex items-center justify-between gap-3">
              <dt className="text-muted-foreground">{s.label}</dt>
              <dd className="flex gap-1">
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    className={cn(
                      "min-w-6 rounded border border-border bg-muted px-1.5 py-0.5 text-center font-mono",
                      "text-[11px]",
                    )}
                  >
                    {k}
                  </kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </PopoverContent>
    </Popover>
  );
}
