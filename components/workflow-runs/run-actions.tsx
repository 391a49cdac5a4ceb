"use client";

import { useMutation } from "@tanstack/react-query";
import { Ban, RotateCcw } from "lucide-react";
import { useState } from "react";
import { formatCredits, plural } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
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
import { toast } from "@/components/ui/toaster";
import type { RunDetail } from "./run-types";

/** Cancel asks first: in-flight agent tasks are stopped and their held credits go back. */
export function CancelRunButton(props: { orgId: string; run: RunDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const running = props.run.steps.filter((s) => s.state === "RUNNING" && s.costCredits > 0);
  const held = running.reduce((sum, s) => sum + s.costCredits, 0);
  const cancel = useMutation(
    trpc.workflows.runs.cancel.mutationOptions({
      onSuccess: (result) => {
        setOpen(false);
        const stopped = result.tasksCanceled;
        toast.success(
          stopped > 0
            ? `Run canceled. ${plural(stopped, { one: "running task", other: "running tasks" })} stopped.`
            : "Run canceled.",
        );
        props.onDone();
      },
      onError: (error) => {
        setOpen(false);
        toast.error(error.message);
        props.onDone();
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="cancel-run">
          <Ban aria-hidden /> Cancel run
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel this run?</DialogTitle>
          <DialogDescription>
            Steps that have not finished stop and are marked canceled
            {held > 0
              ? `; the ${formatCredits(held)} credits held for running agent steps go back to your balance`
              : ""}
            . Finished steps and what they cost stay as they are. A canceled run cannot be resumed.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep running</Button>
          </DialogClose>
          <Button
            variant="destructive"
            loading={cancel.isPending}
            onClick={() => cancel.mutate({ orgId: props.orgId, runId: props.run.id })}
          >
            Cancel run
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Retry runs the failed steps again (same version, same input); finished steps are not repeated. */
export function RetryRunButton(props: { orgId: string; run: RunDetail; onDone: () => void; size?: "sm" }) {
  const trpc = useTRPC();
  const retry = useMutation(
    trpc.workflows.runs.retry.mutationOptions({
      onSuccess: () => {
        toast.success("Retrying the failed steps.");
        props.onDone();
      },
      onError: (error) => {
        toast.error(error.message);
        props.onDone();
      },
    }),
  );
  return (
    <Button
      size={props.size}
      data-testid="retry-run"
      loading={retry.isPending}
      onClick={() => retry.mutate({ orgId: props.orgId, runId: props.run.id })}
      title="Run the failed steps again; steps that succeeded keep their results"
    >
      <RotateCcw aria-hidden /> Retry failed steps
    </Button>
  );
}
