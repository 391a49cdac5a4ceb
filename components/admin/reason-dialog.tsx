"use client";

import { useState } from "react";
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
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

/** Reject or suspend: the reason is required and shown to the seller. */
export function ReasonDialog(props: {
  action: "Reject" | "Suspend";
  agentName: string;
  pending: boolean;
  error: string | null;
  onConfirm: (reason: string, close: () => void) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const tooShort = reason.trim().length < 5;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setReason("");
      }}
    >
      <DialogTrigger asChild>
        <Button variant={props.action === "Suspend" ? "destructive" : "outline"} size="sm">
          {props.action}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {props.action} {props.agentName}
          </DialogTitle>
          <DialogDescription>
            {props.action === "Reject"
              ? "The listing goes back to draft."
              : "The listing leaves the marketplace at once."}{" "}
            The seller sees your reason.
          </DialogDescription>
        </DialogHeader>
        <Field label="Reason for the seller" error={props.error ?? undefined} description="At least 5 characters.">
          <Textarea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
        </Field>
        <DialogFooter>
          <Button
            variant={props.action === "Suspend" ? "destructive" : "default"}
            disabled={tooShort}
            loading={props.pending}
            onClick={() =>
              props.onConfirm(reason.trim(), () => {
                setOpen(false);
                setReason("");
              })
            }
          >
            {props.action}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
