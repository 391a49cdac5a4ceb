"use client";

import { useMutation } from "@tanstack/react-query";
import { MessageSquarePlus, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button, type ButtonProps } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

const MAX_LENGTH = 8_000;

/**
 * "Ask the company" (no department) or "Ask this department": the request
 * goes to the manager, who routes it to a position or plans it; the task page
 * then shows the decision. The same text sent twice (a retry after an error)
 * carries the same message id, so it is one request, not two.
 */
export function AskDialog(props: {
  orgId: string;
  department: { slug: string; name: string } | null;
  variant?: ButtonProps["variant"];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  // The id of the last text sent: sending the same text again (after a lost answer) is the same request.
  const attempt = useRef<{ text: string; messageId: string } | null>(null);
  const ask = useMutation(
    trpc.company.ask.mutationOptions({ onSuccess: ({ taskId }) => router.push(`/tasks/${taskId}`) }),
  );
  const target = props.department ? props.department.name : "the company";
  const trimmed = text.trim();

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next && !ask.isPending) ask.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant={props.variant ?? "default"}>
          <MessageSquarePlus aria-hidden />
          {props.department ? "Ask this department" : "Ask the company"}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="ask-dialog">
        <DialogHeader>
          <DialogTitle>Ask {target}</DialogTitle>
          <DialogDescription>
            {props.department
              ? "Its manager routes the request to the position that fits best, or splits it into a plan."
              : "The company's manager hands it to the departments that fit, in order when it takes several."}{" "}
            Plans over the auto-run threshold wait for a lead to accept them.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!trimmed) return;
            if (attempt.current?.text !== trimmed) attempt.current = { text: trimmed, messageId: crypto.randomUUID() };
            ask.mutate({
              orgId: props.orgId,
              departmentSlug: props.department?.slug ?? null,
              text: trimmed,
              messageId: attempt.current.messageId,
            });
          }}
        >
          <Field label="Request" error={ask.error?.message} description={`${text.length} / ${MAX_LENGTH}`}>
            <Textarea
              rows={6}
              value={text}
              maxLength={MAX_LENGTH}
              autoFocus
              onChange={(e) => setText(e.target.value)}
              placeholder="e.g. Draft a launch blog post on our Q3 numbers and check it for legal risk"
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={ask.isPending || ask.isSuccess} disabled={!trimmed}>
              <Send aria-hidden />
              Send request
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
