"use client";

import { useMutation } from "@tanstack/react-query";
import { CirclePause, CirclePlay, Undo2 } from "lucide-react";
import { useState, type ReactNode } from "react";
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
import { toast } from "@/components/ui/toaster";
import type { ListingPhase } from "@/server/schemas/listing-state";

type Control = "pause" | "resume" | "unpublish";

const WORDS: Record<Control, { label: string; icon: ReactNode; title: string; body: string; done: string }> = {
  pause: {
    label: "Pause",
    icon: <CirclePause aria-hidden />,
    title: "Pause this listing?",
    body:
      "It leaves the marketplace and takes no new tasks until you resume it; tasks already running finish. " +
      "Resuming needs no review.",
    done: "Paused. Buyers cannot start new tasks.",
  },
  resume: {
    label: "Resume",
    icon: <CirclePlay aria-hidden />,
    title: "Resume this listing?",
    body: "It is back on the marketplace at once and takes new tasks.",
    done: "Resumed: published again.",
  },
  unpublish: {
    label: "Unpublish",
    icon: <Undo2 aria-hidden />,
    title: "Unpublish this listing?",
    body:
      "It leaves the marketplace and becomes a draft again: you can change it and test it, " +
      "and it is reviewed again before it is back.",
    done: "Unpublished: it is a draft again.",
  },
};

/** Which controls a listing in this phase offers its seller. */
export function controlsFor(phase: ListingPhase, wasPublished: boolean): Control[] {
  if (phase === "PUBLISHED") return ["pause", "unpublish"];
  if (phase === "PAUSED") return ["resume", "unpublish"];
  if (phase === "IN_REVIEW" && wasPublished) return ["unpublish"];
  return [];
}

/** Pause, resume or unpublish, each after a confirmation saying what happens to buyers. */
export function ListingControl(props: {
  orgId: string;
  agentId: string;
  agentName: string;
  control: Control;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const words = WORDS[props.control];
  const mutation = useMutation(
    trpc.sell.control.mutationOptions({
      onSuccess: () => {
        toast.success(words.done);
        setOpen(false);
        props.onChanged();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={props.control === "resume" ? "default" : "outline"}>
          {words.icon}
          {words.label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{words.title}</DialogTitle>
          <DialogDescription>
            {props.agentName}: {words.body}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            variant={props.control === "unpublish" ? "destructive" : "default"}
            loading={mutation.isPending}
            onClick={() => mutation.mutate({ orgId: props.orgId, agentId: props.agentId, control: props.control })}
          >
            {words.label}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
