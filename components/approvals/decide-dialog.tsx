"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, X } from "lucide-react";
import { useState } from "react";
import { creditCount } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import type { ListedApproval } from "@/components/workflow-runs/run-types";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { APPROVAL_COMMENT_MAX_LENGTH } from "@/server/schemas/workflow-approvals";

export type Decision = "approve" | "reject";

/**
 * Approve or reject with a comment. A refusal (someone decided first, the
 * run ended, the deadline passed) stays in the dialog, in the server's words.
 */
export function DecideDialog(props: {
  orgId: string;
  approval: ListedApproval;
  decision: Decision | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const trpc = useTRPC();
  const [comment, setComment] = useState("");
  const decide = useMutation(
    trpc.approvals.decide.mutationOptions({
      onSuccess: (approval) => {
        toast.success(`${approval.state === "APPROVED" ? "Approved" : "Rejected"}: ${approval.title}`);
        setComment("");
        props.onClose();
        props.onDecided();
      },
      // The item may have changed under us (decided elsewhere): re-read it, and say why in case it goes away.
      onError: (error) => {
        toast.error(error.message);
        props.onDecided();
      },
    }),
  );
  const { approval, decision } = props;
  const approving = decision === "approve";
  const price = approval.subject.priceCredits;
  return (
    <Dialog
      open={decision !== null}
      onOpenChange={(open) => {
        if (open) return;
        decide.reset();
        props.onClose();
      }}
    >
      <DialogContent data-testid="decide-dialog">
        <DialogHeader>
          <DialogTitle>
            {approving ? "Approve" : "Reject"} “{approval.title}”?
          </DialogTitle>
          <DialogDescription>
            {approving
              ? `The run goes on${price ? ` and may spend up to ${creditCount(price)} more` : ""}.`
              : "The step fails, so the run fails; nothing more is spent on it."}{" "}
            Your name, the decision and the comment are kept with the run.
          </DialogDescription>
        </DialogHeader>
        <Field
          label={approving ? "Comment (optional)" : "Why (optional, shown with the run)"}
          error={decide.error?.message}
          description={`${comment.length} / ${APPROVAL_COMMENT_MAX_LENGTH}`}
        >
          <Textarea
            rows={4}
            value={comment}
            maxLength={APPROVAL_COMMENT_MAX_LENGTH}
            onChange={(e) => setComment(e.target.value)}
            placeholder={approving ? "Looks good, go ahead." : "What needs to change."}
          />
        </Field>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Back</Button>
          </DialogClose>
          <Button
            variant={approving ? "default" : "destructive"}
            loading={decide.isPending}
            onClick={() =>
              decision &&
              decide.mutate({ orgId: props.orgId, approvalId: approval.id, decision, comment: comment.trim() || null })
            }
          >
            {approving ? <Check aria-hidden /> : <X aria-hidden />}
            {approving ? "Approve" : "Reject"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
