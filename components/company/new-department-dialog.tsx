"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { DepartmentOptions } from "./department-options";
import type { TreeDepartment } from "./department-tree";
import { useRefreshCompany } from "./use-refresh-company";
import {
  DEPARTMENT_NAME_MAX_LENGTH,
  MISSION_MAX_LENGTH,
} from "@/server/services/company/departments/company-limits.types";

/**
 * A new department, or a team when it has a parent. Opens its page once made;
 * a refusal (a name taken, a role too low) stays in the dialog in the
 * server's words.
 */
export function NewDepartmentDialog(props: {
  orgId: string;
  departments: readonly TreeDepartment[];
  /** A team of this department (the department page's "New team"). */
  parentId?: string;
  label?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshCompany();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [mission, setMission] = useState("");
  const [parentId, setParentId] = useState(props.parentId ?? "");
  const create = useMutation(
    trpc.company.createDepartment.mutationOptions({
      onSuccess: ({ slug }) => {
        toast.success(`${name.trim()} is on the chart.`);
        refresh();
        setOpen(false);
        router.push(`/company/${slug}`);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          create.reset();
          setName("");
          setMission("");
          setParentId(props.parentId ?? "");
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant={props.variant ?? "outline"} size={props.size}>
          <Plus aria-hidden />
          {props.label ?? "New department"}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="new-department-dialog">
        <DialogHeader>
          <DialogTitle>{parentId ? "New team" : "New department"}</DialogTitle>
          <DialogDescription>
            A unit of the company with its own staff, budget and approval policy. A team sits inside a department and
            its spend counts against it too.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({
              orgId: props.orgId,
              name: name.trim(),
              mission: mission.trim() || undefined,
              parentId: parentId || undefined,
            });
          }}
        >
          <Field label="Name" required>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={DEPARTMENT_NAME_MAX_LENGTH}
              autoFocus
            />
          </Field>
          <Field label="Mission" description="What it is for; the manager reads it when routing requests.">
            <Textarea
              rows={3}
              value={mission}
              maxLength={MISSION_MAX_LENGTH}
              onChange={(e) => setMission(e.target.value)}
            />
          </Field>
          <Field label="Part of">
            <NativeSelect value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">Nothing: a top-level department</option>
              <DepartmentOptions departments={props.departments} />
            </NativeSelect>
          </Field>
          {create.error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {create.error.message}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
