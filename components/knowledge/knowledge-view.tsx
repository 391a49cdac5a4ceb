"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Suspense, useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EntityDialog } from "./entity-dialog";
import { ExportButton, ImportDialog } from "./import-export";
import { KnowledgeSearch } from "./knowledge-search";
import { PoliciesPanel } from "./policies-panel";
import { ReviewInbox } from "./review-inbox";

/**
 * /knowledge: the company's memory. Search and browse what the member may
 * see; create entities; review what agents reported; set how each
 * department takes its agents' facts; export and import JSON.
 */
export function KnowledgeView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [tab, setTab] = useState("search");
  const canWrite = org.role !== "viewer";
  const canManage = org.role === "owner" || org.role === "admin";
  const pending = useQuery(trpc.knowledge.proposals.queryOptions({ orgId: org.id }));
  const waiting = pending.data?.filter((p) => p.canDecide).length ?? 0;
  const newEntity = (
    <EntityDialog
      orgId={org.id}
      trigger={
        <Button>
          <Plus aria-hidden />
          New entity
        </Button>
      }
    />
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Knowledge"
        description={
          "What the company knows: entities, the facts about them with where each came from, and how they relate."
        }
        actions={
          <>
            <ExportButton orgId={org.id} />
            {canWrite ? <ImportDialog orgId={org.id} /> : null}
            {canWrite ? newEntity : null}
          </>
        }
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="Knowledge sections" className="max-w-full overflow-x-auto">
          <TabsTrigger value="search">Search</TabsTrigger>
          <TabsTrigger value="review">
            Review
            {waiting ? <Badge variant="warning">{waiting}</Badge> : null}
          </TabsTrigger>
          <TabsTrigger value="policies">Departments</TabsTrigger>
        </TabsList>
        <TabsContent value="search">
          <Suspense>
            <KnowledgeSearch orgId={org.id} emptyAction={canWrite ? newEntity : null} />
          </Suspense>
        </TabsContent>
        <TabsContent value="review">
          <ReviewInbox orgId={org.id} />
        </TabsContent>
        <TabsContent value="policies">
          <PoliciesPanel orgId={org.id} canChange={canManage} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
