"use client";

import { useMutation } from "@tanstack/react-query";
import { ClipboardPaste } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { CardErrors } from "./card-errors";

/** For listings created from pasted JSON: paste the new card to make the next version. */
export function PasteCardDialog({
  orgId,
  agentId,
  onChanged,
}: {
  orgId: string;
  agentId: string;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const refresh = useMutation(
    trpc.sell.refreshCard.mutationOptions({
      onSuccess: (result) => {
        if (!result.ok) return;
        toast.success(result.changed ? `Card updated: version ${result.version}.` : "The card has not changed.");
        setOpen(false);
        setText("");
        onChanged();
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) refresh.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <ClipboardPaste aria-hidden />
          Paste new card
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Paste the new Agent Card</DialogTitle>
          <DialogDescription>A card that differs from the current one becomes the next version.</DialogDescription>
        </DialogHeader>
        <Textarea
          aria-label="Card JSON"
          rows={14}
          className="font-mono text-xs"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {refresh.data && !refresh.data.ok ? <CardErrors errors={refresh.data.errors} /> : null}
        {refresh.error ? (
          <p role="alert" className="text-sm text-destructive">
            {refresh.error.message}
          </p>
        ) : null}
        <DialogFooter>
          <Button
            disabled={text.trim().length < 2}
            loading={refresh.isPending}
            onClick={() => refresh.mutate({ orgId, agentId, text })}
          >
            Save as new version
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
