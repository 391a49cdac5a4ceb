"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { fieldError } from "@/components/tasks/field-error";

/** The seller's public answer to one review (writes or edits it). */
export function SellerReplyForm(props: {
  orgId: string;
  reviewId: string;
  existing: string | null;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(props.existing ?? "");
  const save = useMutation(
    trpc.reviews.reply.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast.success("Reply published.");
        props.onSaved();
      },
    }),
  );
  if (!open) {
    return (
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        {props.existing ? "Edit reply" : "Reply"}
      </Button>
    );
  }
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ orgId: props.orgId, reviewId: props.reviewId, reply: text });
      }}
    >
      <Field
        label="Public reply"
        description="Shown under the review on the agent's page."
        error={fieldError(save.error, "reply") ?? save.error?.message}
      >
        <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2_000} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={save.isPending} disabled={!text.trim()}>
          Publish reply
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
