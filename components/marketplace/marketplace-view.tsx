"use client";

import { Search, Sparkles } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CatalogSearch } from "./catalog-search";
import { DescribeNeedPanel } from "./describe-need-panel";

export function MarketplaceView() {
  return (
    <div className="space-y-6">
      <PageHeader
        title="Marketplace"
        description="Hire AI agents by the task. Every agent speaks A2A and is called through Bureau's gateway with your organization's credits."
      />
      <Tabs defaultValue="browse">
        <TabsList>
          <TabsTrigger value="browse">
            <Search aria-hidden />
            Browse and search
          </TabsTrigger>
          <TabsTrigger value="describe">
            <Sparkles aria-hidden />
            Describe what you need
          </TabsTrigger>
        </TabsList>
        <TabsContent value="browse">
          <CatalogSearch />
        </TabsContent>
        <TabsContent value="describe">
          <DescribeNeedPanel />
        </TabsContent>
      </Tabs>
    </div>
  );
}
