"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Archive, ArchiveRestore, ArrowLeft, ArrowRight, Pencil, Waypoints } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { useMediaQuery } from "@/components/workflows/use-media-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { NotFoundPanel } from "@/components/ui/route-states";
import { EntityDialog } from "./entity-dialog";
import { EntityHistory } from "./entity-history";
import { GraphExplorer } from "./graph-explorer";
import { GraphList } from "./graph-list";
import type { EntityDetail } from "./knowledge-types";
import { AddObservationForm, ObservationList } from "./observation-list";
import { RelateDialog } from "./relate-dialog";
import { ScopeBadge } from "./scope-badge";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

function Relations({ orgId, entity }: { orgId: string; entity: EntityDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const unrelate = useMutation(
    trpc.knowledge.unrelate.mutationOptions({
      onSuccess: () => {
        toast.success("Relation removed.");
        refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  if (entity.relations.length === 0)
    return <p className="text-sm text-muted-foreground">Not related to anything yet.</p>;
  return (
    <ul className="grid gap-2" data-testid="relations">
      {entity.relations.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          {r.direction === "out" ? (
            <ArrowRight aria-label="to" className="size-4 text-muted-foreground" />
          ) : (
            <ArrowLeft aria-label="from" className="size-4 text-muted-foreground" />
          )}
          {r.direction === "out" ? <span className="text-muted-foreground">{r.type.replace(/_/g, " ")}</span> : null}
          <Link href={`/knowledge/${r.other.id}`} className="font-medium break-words hover:underline">
            {r.other.name}
          </Link>
          {r.direction === "in" ? (
            <span className="text-muted-foreground">{r.type.replace(/_/g, " ")} this</span>
          ) : null}
          <Badge variant="secondary">{r.other.type}</Badge>
          {entity.canEdit && r.direction === "out" ? (
            <Button
              variant="ghost"
              size="sm"
              className="ml-auto"
              loading={unrelate.isPending && unrelate.variables?.relationId === r.id}
              onClick={() => unrelate.mutate({ orgId, relationId: r.id })}
            >
              Remove
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The neighbourhood, as a pan-and-zoom graph on wide screens and a list below 640 px. */
function Neighbourhood({ orgId, entityId }: { orgId: string; entityId: string }) {
  const trpc = useTRPC();
  const wide = useMediaQuery("(min-width: 640px)");
  const [depth, setDepth] = useState(2);
  const query = useQuery(trpc.knowledge.neighbourhood.queryOptions({ orgId, id: entityId, depth }));
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>Neighbourhood</CardTitle>
          <CardDescription>What it is related to, and what those are related to.</CardDescription>
        </div>
        <NativeSelect
          aria-label="Steps"
          value={String(depth)}
          onChange={(e) => setDepth(Number(e.target.value))}
          containerClassName="w-36"
        >
          <option value="1">1 step</option>
          <option value="2">2 steps</option>
          <option value="3">3 steps</option>
        </NativeSelect>
      </CardHeader>
      <CardContent>
        <QueryState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          skeleton={<Skeleton className="h-80" />}
        >
          {() => {
            const graph = query.data!;
            if (graph.nodes.length <= 1)
              return (
                <EmptyState
                  icon={<Waypoints />}
                  title="Nothing related yet"
                  description="Relate it to other entities to see them here."
                />
              );
            return (
              <div className="grid gap-2">
                {wide ? (
                  <GraphExplorer graph={graph} className="h-[28rem] rounded-lg border" />
                ) : (
                  <GraphList graph={graph} />
                )}
                {graph.truncated ? (
                  <p className="text-xs text-muted-foreground">
                    Only the nearest {graph.nodes.length} entities are shown.
                  </p>
                ) : null}
              </div>
            );
          }}
        </QueryState>
      </CardContent>
    </Card>
  );
}

function ArchiveButton({ orgId, entity }: { orgId: string; entity: EntityDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const archived = entity.archivedAt !== null;
  const archive = useMutation(
    trpc.knowledge.archiveEntity.mutationOptions({
      onSuccess: () => {
        toast.success(archived ? "Restored." : "Archived: out of search and tasks' context, kept with its history.");
        refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button
      variant="outline"
      loading={archive.isPending}
      onClick={() => archive.mutate({ orgId, id: entity.id, archived: !archived })}
    >
      {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
      {archived ? "Restore" : "Archive"}
    </Button>
  );
}

/**
 * /knowledge/[id]: an entity with its facts (and where each came from), its
 * relations, a graph of its neighbourhood and its history. Another org's id,
 * or a department's the member cannot see, is simply not found.
 */
export function EntityView({ id }: { id: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.knowledge.entity.queryOptions({ orgId: org.id, id }), retry: false });
  if (query.error?.data?.code === "NOT_FOUND")
    return (
      <NotFoundPanel
        title="No such entity"
        description="It does not exist in this organization, or it belongs to a department you cannot see."
        places={[{ href: "/knowledge", label: "Knowledge" }]}
      />
    );
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={<Skeleton className="h-96" />}
    >
      {() => {
        const entity = query.data!;
        return (
          <div className="space-y-6">
            <PageHeader
              eyebrow={
                <Link href="/knowledge" className="hover:underline">
                  Knowledge
                </Link>
              }
              title={<span className="break-words">{entity.name}</span>}
              description={entity.summary || undefined}
              actions={
                entity.canEdit ? (
                  <>
                    <EntityDialog
                      orgId={org.id}
                      entity={entity}
                      trigger={
                        <Button variant="outline">
                          <Pencil aria-hidden />
                          Edit
                        </Button>
                      }
                    />
                    <ArchiveButton orgId={org.id} entity={entity} />
                  </>
                ) : null
              }
            />
            <div className="flex flex-wrap items-center gap-2" data-testid="entity-badges">
              <Badge variant="secondary">{entity.type}</Badge>
              <ScopeBadge department={entity.department} />
              {entity.archivedAt ? <Badge variant="destructive">Archived</Badge> : null}
              {entity.aliases.map((a) => (
                <Badge key={a} variant="outline">
                  aka {a}
                </Badge>
              ))}
            </div>
            <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
              <div className="min-w-0 space-y-6">
                <Card>
                  <CardHeader>
                    <CardTitle>Facts</CardTitle>
                    <CardDescription>Newest first, each with who or what wrote it and when.</CardDescription>
                  </CardHeader>
                  <CardContent className="grid gap-4">
                    {entity.canEdit && !entity.archivedAt ? (
                      <AddObservationForm orgId={org.id} entityId={entity.id} />
                    ) : null}
                    <ObservationList orgId={org.id} observations={entity.observations} canEdit={entity.canEdit} />
                  </CardContent>
                </Card>
                <Neighbourhood orgId={org.id} entityId={entity.id} />
              </div>
              <div className="min-w-0 space-y-6">
                <Card>
                  <CardHeader className="flex-row items-center justify-between gap-3">
                    <CardTitle>Relations</CardTitle>
                    {entity.canEdit && !entity.archivedAt ? <RelateDialog orgId={org.id} entity={entity} /> : null}
                  </CardHeader>
                  <CardContent>
                    <Relations orgId={org.id} entity={entity} />
                  </CardContent>
                </Card>
                <Card>
                  <CardHeader>
                    <CardTitle>History</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <EntityHistory orgId={org.id} entityId={entity.id} />
                  </CardContent>
                </Card>
              </div>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
