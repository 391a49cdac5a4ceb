"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { History, Plus, Workflow } from "lucide-react";
import Link from "next/link";
import { PagedList } from "@/components/paged-list";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { useNow } from "@/components/tasks/use-now";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateGallery } from "./template-gallery";
import { useCreateWorkflow } from "./use-create-workflow";
import { WorkflowsTable } from "./workflows-table";

const PAGE_SIZE = 25;

/**
 * `/workflows`: the org's workflows a page at a time, "New workflow" (a blank
 * draft) and the template gallery. Viewers see both lists but create nothing.
 */
export function WorkflowsView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const pages = useCursorPages();
  const canCreate = org.role !== "viewer";
  const create = useCreateWorkflow();
  const now = useNow(false);
  const query = useQuery({
    ...trpc.workflows.list.queryOptions({ orgId: org.id, cursor: pages.cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const newButton = canCreate ? (
    <Button onClick={create.blank} loading={create.pendingKey === "blank"} disabled={create.pendingKey !== null}>
      <Plus aria-hidden />
      New workflow
    </Button>
  ) : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Workflows"
        description={
          "Chain agents, approvals and logic into steps that run on their own: " +
          "by hand, on a schedule, from a webhook or the API."
        }
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/workflows/runs">
                <History aria-hidden />
                Runs
              </Link>
            </Button>
            {newButton}
          </>
        }
      />
      <section aria-labelledby="workflows-heading" className="space-y-3">
        <h2 id="workflows-heading" className="sr-only">
          {org.name}&apos;s workflows
        </h2>
        <PagedList
          query={query}
          pages={pages}
          rowHeight="h-14"
          empty={
            <EmptyState
              icon={<Workflow />}
              title="No workflows yet"
              description={
                canCreate
                  ? "Start from a blank canvas, or from one of the templates below."
                  : "Members of this organization have not made any workflows yet."
              }
              action={newButton}
              data-testid="workflows-empty"
            />
          }
        >
          {(items) => <WorkflowsTable rows={items} now={now} />}
        </PagedList>
      </section>
      <TemplateGallery canCreate={canCreate} pendingKey={create.pendingKey} onUse={create.fromTemplate} />
    </div>
  );
}
