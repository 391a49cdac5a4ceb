"use client";

import { Search, Sparkles } from "lucide-react";
import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useCatalogNavigation } from "./catalog-navigation";

/** Browse or describe: which one is open is part of the URL (?tab=describe). */
export function MarketplaceTabs({ browse, describe }: { browse: ReactNode; describe: ReactNode }) {
  const { values, update } = useCatalogNavigation();
  const tab = values.tab === "describe" ? "describe" : "browse";
  return (
    <Tabs value={tab} onValueChange={(next) => update({ tab: next === "describe" ? "describe" : "" })}>
      {/* Two equal halves on a phone, each label free to wrap, so nothing runs off the screen. */}
      <TabsList className="grid h-auto w-full grid-cols-2 sm:inline-flex sm:w-fit">
        <TabsTrigger value="browse" className="py-1.5 whitespace-normal">
          <Search aria-hidden />
          Browse and search
        </TabsTrigger>
        <TabsTrigger value="describe" className="py-1.5 whitespace-normal">
          <Sparkles aria-hidden />
          Describe what you need
        </TabsTrigger>
      </TabsList>
      <TabsContent value="browse">{browse}</TabsContent>
      <TabsContent value="describe">{describe}</TabsContent>
    </Tabs>
  );
}
