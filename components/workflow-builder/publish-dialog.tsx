"use client";

import { useMutation } from "@tanstack/react-query";
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
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { GraphCheck } from "./builder-types";

const NOTE_MAX_LENGTH = 500;

/**
 * Publishing: the draft, saved first, becomes the next immutable version,
 * with an optional note for the history. The server checks it again and
 * refuses a draft changed elsewhere since it was saved here.
 */
export function PublishDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workflowId: string;
  nextVersion: number;
  /** Saves what is unsaved and answers the draftSavedAt to publish, or null when the draft could not be saved. */
  prepare: () => Promise<Date | null>;
  onPublished: (version: number, check: GraphCheck) => void;
}) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [note, setNote] = useState("");
  const publish = useMutation(trpc.workflows.publish.mutationOptions());
  const [preparing, setPreparing] = useState(false);

  const onOpenChange = (open: boolean) => {
    props.onOpenChange(open);
    if (!open) {
      setNote("");
      publish.reset();
    }
  };
  const submit = async () => {
    setPreparing(true);
    const expectedSavedAt = await props.prepare();
    setPreparing(false);
    if (!expectedSavedAt) return;
    const result = await publish
      .mutateAsync({ orgId: org.id, workflowId: props.workflowId, note: note.trim() || null, expectedSavedAt })
      .catch(() => null);
    if (!result) return;
    toast.success(`Published version ${result.version.number}`);
    props.onPublished(result.version.number, result.check);
    onOpenChange(false);
  };

  return (
    <Dialog open={props.open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogHeader>
            <DialogTitle>Publish version {props.nextVersion}</DialogTitle>
            <DialogDescription>
              New runs use this version from now on; runs already started keep the version they started on.
            </DialogDescription>
          </DialogHeader>
          <Field label="Note (optional)" description="What changed, for the history.">
            <Textarea
              value={note}
              maxLength={NOTE_MAX_LENGTH}
              rows={3}
              onChange={(e) => setNote(e.target.value)}
              placeholder="e.g. Added a legal review before approval"
            />
          </Field>
          {publish.error ? (
            <Alert variant="destructive">
              <AlertDescription>{publish.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={preparing || publish.isPending}>
              Publish
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
