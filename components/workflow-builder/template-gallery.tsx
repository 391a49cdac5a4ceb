"use client";

import { useQuery } from "@tanstack/react-query";
import { Coins, LayoutTemplate, Workflow } from "lucide-react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { categoryLabel, formatPriceRange } from "./builder-format";
import type { WorkflowTemplate } from "./builder-types";

/** How many steps a template has, not counting its trigger: a quick sense of its size. */
const stepCount = (t: WorkflowTemplate) => t.graph.nodes.filter((n) => n.type !== "trigger").length;

/**
 * The template gallery: each template's name, category, description and the
 * price of one run from today's listed prices. "Use template" copies it into
 * a new draft of the org's own and opens the builder.
 */
export function TemplateGallery(props: {
  canCreate: boolean;
  pendingKey: string | null;
  onUse: (templateId: string) => void;
}) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.workflows.templates.queryOptions({ orgId: org.id }), staleTime: 60_000 });

  return (
    <section aria-labelledby="templates-heading" className="space-y-3">
      <div className="flex items-center gap-2">
        <LayoutTemplate aria-hidden className="size-4 text-muted-foreground" />
        <h2 id="templates-heading" className="text-base font-semibold">
          Start from a template
        </h2>
      </div>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-52" />
            ))}
          </div>
        }
      >
        {() =>
          query.data!.length === 0 ? (
            <EmptyState icon={<Workflow />} title="No templates available" />
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="template-gallery">
              {query.data!.map((template) => (
                <li key={template.id} className="flex">
                  <TemplateCard
                    template={template}
                    canCreate={props.canCreate}
                    pending={props.pendingKey === template.id}
                    busy={props.pendingKey !== null}
                    onUse={() => props.onUse(template.id)}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function TemplateCard(props: {
  template: WorkflowTemplate;
  canCreate: boolean;
  pending: boolean;
  busy: boolean;
  onUse: () => void;
}) {
  const { template } = props;
  return (
    <Card className="flex w-full flex-col" data-testid="template-card" data-template-id={template.id}>
      <CardHeader className="gap-2">
        <Badge variant="secondary">{categoryLabel(template.category)}</Badge>
        <CardTitle className="text-base leading-snug">{template.name}</CardTitle>
      </CardHeader>
      <CardContent className="flex-1 pt-2">
        <CardDescription className="line-clamp-4">{template.description}</CardDescription>
      </CardContent>
      <CardFooter className="justify-between gap-3">
        <div className="grid text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1" title="Price of one run, from the listed prices">
            <Coins aria-hidden className="size-3.5" />
            <span className="font-medium text-foreground tabular-nums" data-testid="template-estimate">
              {formatPriceRange(template.estimate)}
            </span>
            per run
          </span>
          <span>{stepCount(template)} steps</span>
        </div>
        {props.canCreate ? (
          <Button
            size="sm"
            variant="outline"
            loading={props.pending}
            disabled={props.busy && !props.pending}
            onClick={props.onUse}
          >
            Use template
          </Button>
        ) : null}
      </CardFooter>
    </Card>
  );
}
