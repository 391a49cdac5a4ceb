"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
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
import { chargeWording } from "./task-format";

export function CancelTaskButton(props: {
  orgId: string;
  taskId: string;
  price: number;
  requested: boolean;
  onCanceled: () => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const cancel = useMutation(
    trpc.tasks.cancel.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast.success("Cancel requested. The agent is being told to stop.");
        props.onCanceled();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  if (props.requested)
    return (
      <Button variant="outline" disabled>
        Canceling…
      </Button>
    );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">Cancel run</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel this run?</DialogTitle>
          <DialogDescription>
            The agent is told to stop and{" "}
            {props.price > 0
              ? `the ${chargeWording("WORKING", props.price)} return to your balance`
              : "nothing is charged"}
            . Results delivered so far stay here.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep running</Button>
          </DialogClose>
          <Button
            variant="destructive"
            loading={cancel.isPending}
            onClick={() => cancel.mutate({ orgId: props.orgId, taskId: props.taskId })}
          >
            Cancel run
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
