"use client";

import type { GraphCheck, WorkflowDetail } from "./builder-types";
import { HistoryDialog } from "./history-dialog";
import { PublishDialog } from "./publish-dialog";
import { RunDialog } from "./run-dialog";
import { WebhookDialog } from "./webhook-dialog";

export type DialogName = "publish" | "run" | "history" | "webhook";

/** The header's dialogs, one open at a time. */
export function BuilderDialogs(props: {
  open: DialogName | null;
  onOpenChange: (name: DialogName, open: boolean) => void;
  meta: WorkflowDetail;
  canEdit: boolean;
  prepare: () => Promise<Date | null>;
  flush: () => Promise<boolean>;
  onPublished: (check: GraphCheck) => void;
  onRolledBack: () => void;
  onRotated: () => void;
}) {
  const { meta } = props;
  const openProps = (name: DialogName) => ({
    open: props.open === name,
    onOpenChange: (open: boolean) => props.onOpenChange(name, open),
  });
  return (
    <>
      {props.canEdit ? (
        <>
          <PublishDialog
            {...openProps("publish")}
            workflowId={meta.id}
            nextVersion={meta.latestVersion + 1}
            prepare={props.prepare}
            onPublished={(_version, check) => props.onPublished(check)}
          />
          {meta.latestVersion > 0 ? (
            <RunDialog
              {...openProps("run")}
              workflowId={meta.id}
              templateId={meta.templateId}
              version={meta.latestVersion}
              hasUnpublishedChanges={meta.hasUnpublishedChanges}
            />
          ) : null}
        </>
      ) : null}
      <HistoryDialog
        {...openProps("history")}
        workflowId={meta.id}
        canEdit={props.canEdit}
        hasUnpublishedChanges={meta.hasUnpublishedChanges}
        flush={props.flush}
        onRolledBack={props.onRolledBack}
      />
      <WebhookDialog
        {...openProps("webhook")}
        workflowId={meta.id}
        hasSecret={meta.hasWebhookSecret}
        canEdit={props.canEdit}
        onRotated={props.onRotated}
      />
    </>
  );
}
