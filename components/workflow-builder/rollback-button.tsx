"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";

/** Rollback, confirmed first: the old version is published again as the newest and becomes the draft. */
export function RollbackButton(props: {
  workflowId: string;
  version: number;
  hasUnpublishedChanges: boolean;
  onDone: () => void;
}) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const rollback = useMutation(
    trpc.workflows.rollback.mutationOptions({
      onSuccess: (version) => {
        toast.success(`Version ${props.version} is live again as version ${version.number}`);
        setOpen(false);
        props.onDone();
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) rollback.reset();
      }}
    >
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <RotateCcw aria-hidden />
        Roll back to v{props.version}
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Roll back to version {props.version}?</DialogTitle>
          <DialogDescription>
            Version {props.version} is published again as the newest version, and new runs use it. History keeps every
            version; runs already started are not affected.
          </DialogDescription>
        </DialogHeader>
        {props.hasUnpublishedChanges ? (
          <Alert variant="warning">
            <AlertDescription>
              The draft is replaced by version {props.version}: its unpublished changes are lost.
            </AlertDescription>
          </Alert>
        ) : null}
        {rollback.error ? (
          <Alert variant="destructive">
            <AlertDescription>{rollback.error.message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            loading={rollback.isPending}
            onClick={() => rollback.mutate({ orgId: org.id, workflowId: props.workflowId, toVersion: props.version })}
          >
            Roll back
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
