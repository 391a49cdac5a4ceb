"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
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
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { AgentPicker, ChosenAgent, type HireAgent } from "./agent-picker";
import { parseCredits } from "./company-format";
import { DepartmentOptions } from "./department-options";
import { pathName } from "./department-tree";
import { PositionFields } from "./position-dialogs";
import { useRefreshCompany } from "./use-refresh-company";

export type { HireAgent } from "./agent-picker";

interface HireDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The agent to hire (an agent page, a marketplace card); without it the dialog searches the marketplace. */
  agent?: HireAgent;
  /** The department to hire into (a department page); otherwise the member picks one. */
  departmentId?: string;
}

/**
 * Hire a marketplace agent into a department: title, standing instructions,
 * a per-task ceiling and a delegation budget. Hiring is free; the position's
 * tasks are billed at the agent's price. Its form starts afresh at each
 * opening (and stays while the dialog animates closed).
 */
export function HireDialog(props: HireDialogProps) {
  const [opening, setOpening] = useState({ open: props.open, count: 0 });
  if (opening.open !== props.open) setOpening({ open: props.open, count: opening.count + (props.open ? 1 : 0) });
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent className="max-w-xl" data-testid="hire-dialog">
        <HireForm key={opening.count} {...props} />
      </DialogContent>
    </Dialog>
  );
}

function HireForm(props: HireDialogProps) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const refresh = useRefreshCompany();
  const chart = useQuery(trpc.company.chart.queryOptions({ orgId: org.id }));
  const departments = (chart.data?.departments ?? []).filter((d) => d.archivedAt === null);
  const [agent, setAgent] = useState<HireAgent | null>(props.agent ?? null);
  const [departmentId, setDepartmentId] = useState(props.departmentId ?? "");
  const [title, setTitle] = useState(props.agent?.name ?? "");
  const [instructions, setInstructions] = useState("");
  const [ceiling, setCeiling] = useState("");
  const [delegation, setDelegation] = useState("");
  const [errors, setErrors] = useState<{ ceiling?: string; delegation?: string }>({});
  const chosen = departmentId || (departments.length === 1 ? departments[0]!.id : "");

  const hire = useMutation(
    trpc.company.hire.mutationOptions({
      onSuccess: (_position, input) => {
        const department = departments.find((d) => d.id === input.departmentId);
        const where = department ? pathName(departments, department.id) : "the department";
        toast.success(`${input.title ?? agent?.name ?? "The agent"} hired into ${where}.`, {
          description: department ? (
            <Link href={`/company/${department.slug}`} className="font-medium text-primary underline">
              Open {department.name}
            </Link>
          ) : undefined,
        });
        refresh();
        props.onOpenChange(false);
      },
    }),
  );

  const submit = () => {
    const c = parseCredits(ceiling);
    const d = parseCredits(delegation);
    setErrors({ ceiling: c.ok ? undefined : c.error, delegation: d.ok ? undefined : d.error });
    if (!agent || !chosen || !c.ok || !d.ok) return;
    hire.mutate({
      orgId: org.id,
      departmentId: chosen,
      agent: { slug: agent.slug },
      title: title.trim() || agent.name,
      instructions: instructions.trim() || undefined,
      perTaskCeilingCredits: c.value,
      delegationBudgetCredits: d.value,
    });
  };

  return (
    <>
      <DialogHeader>
        <DialogTitle>{agent ? `Hire ${agent.name}` : "Hire from the marketplace"}</DialogTitle>
        <DialogDescription>
          Hiring is free: each task it does for the department is billed at its price, within the department&apos;s
          budget.
        </DialogDescription>
      </DialogHeader>
      <form
        className="grid gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {agent ? (
          <ChosenAgent agent={agent} onChange={props.agent ? undefined : () => setAgent(null)} />
        ) : (
          <AgentPicker
            onPick={(picked) => {
              setAgent(picked);
              setTitle((current) => current || picked.name);
            }}
          />
        )}
        {chart.isPending ? (
          <Skeleton className="h-9" />
        ) : chart.error ? (
          <p role="alert" className="text-sm text-destructive">
            {chart.error.message}
          </p>
        ) : departments.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border p-3 text-sm text-muted-foreground">
            Your company has no departments yet.{" "}
            <Link href="/company" className="font-medium text-primary underline">
              Create one on the Company page
            </Link>{" "}
            first.
          </p>
        ) : (
          <Field label="Department" required>
            <NativeSelect value={chosen} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="" disabled>
                Choose a department
              </option>
              <DepartmentOptions departments={departments} />
            </NativeSelect>
          </Field>
        )}
        {agent ? (
          <PositionFields
            price={agent.priceCredits}
            title={[title, setTitle]}
            instructions={[instructions, setInstructions]}
            ceiling={[ceiling, setCeiling]}
            delegation={[delegation, setDelegation]}
            errors={errors}
          />
        ) : null}
        {hire.error ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {hire.error.message}
          </p>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" loading={hire.isPending} disabled={!agent || !chosen}>
            <UserPlus aria-hidden />
            Hire
          </Button>
        </DialogFooter>
      </form>
    </>
  );
}

/** "Hire" on an agent page or a marketplace card: the dialog with the agent chosen. */
export function HireButton({ agent, size }: { agent: HireAgent; size?: "sm" | "default" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size={size ?? "sm"} onClick={() => setOpen(true)} data-testid="hire-button">
        <UserPlus aria-hidden />
        Hire
      </Button>
      <HireDialog open={open} onOpenChange={setOpen} agent={agent} />
    </>
  );
}
