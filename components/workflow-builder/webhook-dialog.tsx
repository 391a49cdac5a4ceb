"use client";

import { useMutation } from "@tanstack/react-query";
import { Webhook } from "lucide-react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

/**
 * The webhook trigger's secret URL: a POST of JSON to it starts a run with
 * the body as input. Only its hash is kept, so it is shown once, when issued;
 * issuing a new one retires the old.
 */
export function WebhookDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workflowId: string;
  hasSecret: boolean;
  canEdit: boolean;
  onRotated: () => void;
}) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const rotate = useMutation(trpc.workflows.rotateWebhook.mutationOptions({ onSuccess: props.onRotated }));
  const onOpenChange = (open: boolean) => {
    props.onOpenChange(open);
    if (!open) rotate.reset();
  };
  const url = rotate.data?.url;

  return (
    <Dialog open={props.open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Webhook trigger</DialogTitle>
          <DialogDescription>
            POST JSON to this workflow&apos;s secret URL to start a run of its newest version, with the body as the
            run&apos;s input.
          </DialogDescription>
        </DialogHeader>
        {url ? (
          <div className="grid gap-2">
            <div className="flex items-center gap-2 rounded-md border border-border bg-muted p-3">
              <code className="min-w-0 flex-1 font-mono text-xs break-all" data-testid="webhook-url">
                {url}
              </code>
              <CopyButton value={url} label="Copy the webhook URL" />
            </div>
            <p className="text-xs text-muted-foreground">
              Copy it now: it is not shown again. Anyone with the URL can start runs, which spend credits.
            </p>
          </div>
        ) : (
          <div className="flex items-start gap-3 rounded-md border border-dashed border-border p-4 text-sm">
            <Webhook aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
            <p className="text-muted-foreground">
              {props.hasSecret
                ? "A URL was issued before. Issue a new one to see it; the old URL stops working at once."
                : "No URL yet. Issue one to start runs from another system."}
            </p>
          </div>
        )}
        {rotate.error ? (
          <Alert variant="destructive">
            <AlertDescription>{rotate.error.message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          {url ? (
            <Button onClick={() => onOpenChange(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              {props.canEdit ? (
                <Button
                  loading={rotate.isPending}
                  onClick={() => rotate.mutate({ orgId: org.id, workflowId: props.workflowId })}
                >
                  {props.hasSecret ? "Issue a new URL" : "Issue URL"}
                </Button>
              ) : null}
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
