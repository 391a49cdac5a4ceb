"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useOrg } from "@/components/providers/org-context";
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
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { ChartDepartment, DepartmentDetail } from "./company-types";
import { DepartmentOptions } from "./department-options";
import { subtreeIds } from "./department-tree";
import { useRefreshCompany } from "./use-refresh-company";
import {
  DEPARTMENT_NAME_MAX_LENGTH,
  MISSION_MAX_LENGTH,
} from "@/server/services/company/departments/company-limits.types";

export type DepartmentDialog = "edit" | "leads" | "move" | "archive";

interface DialogProps {
  department: DepartmentDetail;
  open: boolean;
  onClose: () => void;
}

/** A dialog around a form: the server's refusal under the fields, the submit busy while it saves. */
export function FormDialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  error: string | null | undefined;
  submitLabel: string;
  pending: boolean;
  destructive?: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Dialog open={props.open} onOpenChange={(open) => (open ? null : props.onClose())}>
      <DialogContent data-testid={props.testId}>
        <DialogHeader>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit();
          }}
        >
          {props.children}
          {props.error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {props.error}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={props.destructive ? "destructive" : "default"}
              loading={props.pending}
              disabled={props.disabled}
            >
              {props.submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The mutation options every company dialog shares: a toast, a re-read of the company, the dialog closed. */
export function useDone(message: string, onClose: () => void) {
  const refresh = useRefreshCompany();
  return {
    onSuccess: () => {
      toast.success(message);
      refresh();
      onClose();
    },
  };
}

export function EditDepartmentDialog({ department, open, onClose }: DialogProps) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [name, setName] = useState(department.name);
  const [mission, setMission] = useState(department.mission);
  const update = useMutation(trpc.company.updateDepartment.mutationOptions(useDone("Department saved.", onClose)));
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Edit ${department.name}`}
      description="Its address (/company/…) stays the same when it is renamed."
      error={update.error?.message}
      submitLabel="Save"
      pending={update.isPending}
      disabled={!name.trim()}
      onSubmit={() => update.mutate({ orgId: org.id, id: department.id, name: name.trim(), mission: mission.trim() })}
    >
      <Field label="Name" required>
        <Input value={name} maxLength={DEPARTMENT_NAME_MAX_LENGTH} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Mission" description="The manager reads it when it routes requests.">
        <Textarea
          rows={4}
          value={mission}
          maxLength={MISSION_MAX_LENGTH}
          onChange={(e) => setMission(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}

export function LeadsDialog({ department, open, onClose }: DialogProps) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const members = useQuery({ ...trpc.company.members.queryOptions({ orgId: org.id }), enabled: open });
  const [chosen, setChosen] = useState(() => new Set(department.leads.map((l) => l.userId)));
  const save = useMutation(trpc.company.setLeads.mutationOptions(useDone("Leads saved.", onClose)));
  const toggle = (userId: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Leads of ${department.name}`}
      description="Leads decide the department's approvals and accept its plans."
      error={save.error?.message ?? members.error?.message}
      submitLabel="Save leads"
      pending={save.isPending}
      disabled={!members.data}
      onSubmit={() => save.mutate({ orgId: org.id, id: department.id, userIds: [...chosen] })}
      testId="leads-dialog"
    >
      {members.data ? (
        <fieldset className="grid max-h-72 gap-1 overflow-y-auto">
          <legend className="sr-only">Members</legend>
          {members.data.map((m) => (
            <label key={m.userId} className="flex items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-accent">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                checked={chosen.has(m.userId)}
                onChange={(e) => toggle(m.userId, e.target.checked)}
              />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{m.name || m.email}</span>
                <span className="block truncate text-xs text-muted-foreground">
                  {m.email} · {m.role}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <Skeleton className="h-32" />
      )}
    </FormDialog>
  );
}

export function MoveDepartmentDialog(props: DialogProps & { departments: ChartDepartment[] }) {
  const { department, open, onClose } = props;
  const { org } = useOrg();
  const trpc = useTRPC();
  const [parentId, setParentId] = useState(department.parentId ?? "");
  const move = useMutation(trpc.company.moveDepartment.mutationOptions(useDone("Department moved.", onClose)));
  const exclude = subtreeIds(props.departments, department.id);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Move ${department.name}`}
      description="Its teams and staff move with it. Its spend then counts against its new parent's budget."
      error={move.error?.message}
      submitLabel="Move"
      pending={move.isPending}
      disabled={(department.parentId ?? "") === parentId}
      onSubmit={() => move.mutate({ orgId: org.id, id: department.id, parentId: parentId || null })}
    >
      <Field label="Part of">
        <NativeSelect value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">Nothing: a top-level department</option>
          <DepartmentOptions departments={props.departments.filter((d) => d.archivedAt === null)} exclude={exclude} />
        </NativeSelect>
      </Field>
    </FormDialog>
  );
}

export function ArchiveDialog({ department, open, onClose }: DialogProps) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const archived = department.archivedAt !== null;
  const archive = useMutation(trpc.company.archiveDepartment.mutationOptions(useDone("Department archived.", onClose)));
  const restore = useMutation(
    trpc.company.unarchiveDepartment.mutationOptions(useDone("Department restored.", onClose)),
  );
  const action = archived ? restore : archive;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={archived ? `Restore ${department.name}?` : `Archive ${department.name}?`}
      description={
        archived
          ? "It returns to the chart and takes requests again."
          : "It leaves the chart and takes no more requests; its runs, spend and staff stay on record. " +
            "You can restore it."
      }
      error={action.error?.message}
      submitLabel={archived ? "Restore" : "Archive"}
      destructive={!archived}
      pending={action.isPending}
      onSubmit={() => action.mutate({ orgId: org.id, id: department.id })}
      testId="archive-dialog"
    />
  );
}
