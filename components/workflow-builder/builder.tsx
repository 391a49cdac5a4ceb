"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Eye } from "lucide-react";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import type { GraphIssue } from "@/components/workflows/lib/types";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { BuilderActions } from "./builder-actions";
import { BuilderDialogs, type DialogName } from "./builder-dialogs";
import { BuilderTitle } from "./builder-title";
import type { GraphCheck, WorkflowDetail } from "./builder-types";
import { publishBlockedReason } from "./publish-blocked";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";
import { useBuilderOptions } from "./use-builder-options";

/** The server's issues as the canvas reads them (it wants a plain offset or a line and column). */
function toCanvasIssues(check: GraphCheck | null): GraphIssue[] {
  return (check?.issues ?? []).map(({ position, nodeIds: _nodeIds, ...issue }) => ({
    ...issue,
    ...(position ? { position: { line: position.line, column: position.column } } : {}),
  }));
}

/**
 * The builder of one workflow: the editor on the draft, which saves itself;
 * the server's check of each save drives the canvas's issues and the price
 * estimate; publish, run, history and the webhook URL in the header.
 * `onReload` remounts it on the server's newest draft (a conflict, a rollback).
 */
export function Builder(props: { workflow: WorkflowDetail; initialCheck: GraphCheck | null; onReload: () => void }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = org.role !== "viewer";
  const [graph, setGraph] = useState<WorkflowGraph>(props.workflow.draftGraph);
  const [meta, setMeta] = useState<WorkflowDetail>(props.workflow);
  const [check, setCheck] = useState<GraphCheck | null>(props.initialCheck);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const options = useBuilderOptions(meta.id, graph);

  const onSaved = useCallback(
    (workflow: WorkflowDetail, next: GraphCheck) => {
      setMeta(workflow);
      setCheck(next);
      void queryClient.invalidateQueries(trpc.workflows.list.pathFilter());
    },
    [queryClient, trpc],
  );
  const autosave = useAutosave({ orgId: org.id, workflow: props.workflow, onSaved });
  const onChange = useCallback(
    (next: WorkflowGraph) => {
      setGraph(next);
      autosave.change({ graph: next });
    },
    [autosave],
  );
  const issues = useMemo(() => toCanvasIssues(check), [check]);
  const dirty = autosave.status !== "saved";
  const publishBlocked = publishBlockedReason({ check, status: autosave.status, meta, dirty });
  const runBlocked = meta.latestVersion === 0 ? "Publish a version to run it." : null;

  /** Publishing and running act on what the server has: save what is unsaved first. */
  const prepare = useCallback(async () => ((await autosave.flush()) ? autosave.savedAt() : null), [autosave]);
  const refreshMeta = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.workflows.get.queryOptions({ orgId: org.id, workflowId: meta.id }),
      staleTime: 0,
    });
    setMeta(fresh);
    void queryClient.invalidateQueries(trpc.workflows.list.pathFilter());
  }, [meta.id, org.id, queryClient, trpc]);

  return (
    <div className="flex flex-col gap-4" data-testid="workflow-builder" data-workflow-id={meta.id}>
      <div className="flex items-start gap-2">
        <Link
          href="/workflows"
          aria-label="All workflows"
          title="All workflows"
          className="mt-1.5 rounded-md p-1 text-muted-foreground hover:bg-accent hover:text-foreground"
        >
          <ArrowLeft className="size-4" />
        </Link>
        <div className="min-w-0 flex-1">
          <BuilderTitle
            name={props.workflow.name}
            description={props.workflow.description}
            readOnly={!canEdit}
            onChange={(fields) => autosave.change(fields)}
            aside={
              <BuilderActions
                canEdit={canEdit}
                publishBlocked={publishBlocked}
                runBlocked={runBlocked}
                onPublish={() => setDialog("publish")}
                onRun={() => setDialog("run")}
                onHistory={() => setDialog("history")}
                onWebhook={() => setDialog("webhook")}
              />
            }
            below={<VersionBadges meta={meta} canEdit={canEdit} />}
          />
        </div>
      </div>
      <WorkflowEditor
        graph={graph}
        onChange={onChange}
        issues={issues}
        estimate={check?.estimate}
        listings={options.listings}
        workflows={options.workflows}
        members={options.members}
        readOnly={!canEdit}
        headerEnd={
          canEdit ? (
            <SaveStatus
              status={autosave.status}
              error={autosave.error}
              lastSavedAt={autosave.lastSavedAt}
              onReload={props.onReload}
              onRetry={() => void autosave.flush()}
            />
          ) : null
        }
        className="h-[calc(100dvh-12rem)] min-h-[26rem]"
      />
      <BuilderDialogs
        open={dialog}
        onOpenChange={(name, open) => setDialog(open ? name : null)}
        meta={meta}
        canEdit={canEdit}
        prepare={prepare}
        flush={autosave.flush}
        onPublished={(next) => {
          setCheck(next);
          void refreshMeta();
        }}
        onRolledBack={props.onReload}
        onRotated={() => void refreshMeta()}
      />
    </div>
  );
}

function VersionBadges({ meta, canEdit }: { meta: WorkflowDetail; canEdit: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
      {meta.latestVersion > 0 ? (
        <Badge variant="outline" data-testid="latest-version">
          v{meta.latestVersion} live
        </Badge>
      ) : (
        <Badge variant="outline">Not published</Badge>
      )}
      {meta.latestVersion > 0 && meta.hasUnpublishedChanges ? <Badge variant="warning">Draft changes</Badge> : null}
      {canEdit ? null : (
        <Badge variant="secondary" data-testid="read-only">
          <Eye aria-hidden />
          Read-only
        </Badge>
      )}
    </div>
  );
}
