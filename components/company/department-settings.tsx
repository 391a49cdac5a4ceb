"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Meter } from "@/components/charts/meter";
import { creditCount } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { parseCredits, policySentence } from "./company-format";
import type { ApprovalPolicy, DepartmentDetail } from "./company-types";
import { useRefreshCompany } from "./use-refresh-company";

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

/** The monthly cap and this month's spend, its own and with its teams; admins set or remove the cap. */
export function BudgetCard({ department, canManage }: { department: DepartmentDetail; canManage: boolean }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const refresh = useRefreshCompany();
  const cap = department.budget.capCredits;
  const [draft, setDraft] = useState(cap === null ? "" : String(cap));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.company.setDepartmentBudget.mutationOptions({
      onSuccess: (_data, input) => {
        toast.success(input.monthlyCapCredits === null ? "Cap removed." : "Cap saved.");
        refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const submit = (raw: string) => {
    const parsed = parseCredits(raw);
    if (!parsed.ok) return setError(parsed.error);
    if (parsed.value === 0) return setError("A cap is at least 1 credit; remove the cap for none.");
    setError(null);
    save.mutate({ orgId: org.id, id: department.id, monthlyCapCredits: parsed.value });
  };
  const rolled = department.month.rolledUpSpentCredits;
  return (
    <Card data-testid="department-budget">
      <CardHeader>
        <CardTitle>Budget</CardTitle>
        <CardDescription>
          A task that would take this month&apos;s spend with its teams past the cap, or past any cap above it, is
          refused before it starts.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid gap-1.5">
          <Figure label="Monthly cap" value={cap === null ? "None" : creditCount(cap)} />
          <Figure label="Spent by this department" value={creditCount(department.month.spentCredits)} />
          <Figure label="Spent with its teams" value={creditCount(rolled)} />
        </dl>
        {cap !== null ? (
          <Meter value={rolled} max={cap} tone="budget" label="Spend with its teams against the cap" />
        ) : null}
        {canManage ? (
          <form
            className="flex flex-wrap items-end gap-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit(draft);
            }}
          >
            <Field label="Monthly cap (credits)" error={error} className="min-w-40 flex-1">
              <Input
                inputMode="numeric"
                value={draft}
                placeholder="No cap"
                onChange={(e) => setDraft(e.target.value)}
              />
            </Field>
            <Button type="submit" loading={save.isPending && save.variables?.monthlyCapCredits !== null}>
              Save cap
            </Button>
            {cap !== null ? (
              <Button
                type="button"
                variant="outline"
                loading={save.isPending && save.variables?.monthlyCapCredits === null}
                onClick={() => {
                  setDraft("");
                  submit("");
                }}
              >
                Remove cap
              </Button>
            ) : null}
          </form>
        ) : (
          <p className="text-xs text-muted-foreground">Owners and admins set the cap.</p>
        )}
      </CardContent>
    </Card>
  );
}

const POLICY_OPTIONS: { value: ApprovalPolicy; label: string }[] = [
  { value: "NONE", label: "No approval" },
  { value: "OVER", label: "Tasks over a price" },
  { value: "EVERY", label: "Every task" },
];

/** Who manages, which tasks wait for a lead, and which plans run without being accepted. */
export function PolicyCard({ department, canManage }: { department: DepartmentDetail; canManage: boolean }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const refresh = useRefreshCompany();
  const [policy, setPolicy] = useState<ApprovalPolicy>(department.approvalPolicy);
  const [over, setOver] = useState(
    department.approvalOverCredits === null ? "" : String(department.approvalOverCredits),
  );
  const [autoRun, setAutoRun] = useState(String(department.planAutoRunCredits));
  const [manager, setManager] = useState(department.managerPositionId ?? "");
  const [errors, setErrors] = useState<{ over?: string; autoRun?: string; form?: string }>({});
  const save = useMutation(
    trpc.company.updateDepartment.mutationOptions({
      onSuccess: () => {
        toast.success("Policy saved.");
        setErrors({});
        refresh();
      },
      onError: (e) => setErrors({ form: e.message }),
    }),
  );
  const staff = department.positions.filter((p) => p.status === "ACTIVE" || p.id === department.managerPositionId);
  const managerName = staff.find((p) => p.id === department.managerPositionId)?.title ?? "Bureau's manager";

  const submit = () => {
    const overParsed = parseCredits(over);
    const autoParsed = parseCredits(autoRun);
    const next: typeof errors = {};
    if (!overParsed.ok) next.over = overParsed.error;
    else if (policy === "OVER" && overParsed.value === null) next.over = "Say above which price tasks wait.";
    if (!autoParsed.ok) next.autoRun = autoParsed.error;
    setErrors(next);
    if (!overParsed.ok || !autoParsed.ok || next.over) return;
    save.mutate({
      orgId: org.id,
      id: department.id,
      approvalPolicy: policy,
      approvalOverCredits: policy === "OVER" ? overParsed.value : null,
      planAutoRunCredits: autoParsed.value ?? 0,
      managerPositionId: manager || null,
    });
  };

  return (
    <Card data-testid="department-policy">
      <CardHeader>
        <CardTitle>Manager and approvals</CardTitle>
        <CardDescription>
          Requests go to the manager, who routes them to one position or plans them. Leads decide what waits.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {canManage ? (
          <form
            className="grid gap-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Field
              label="Manager"
              description="Bureau's manager matches the staff's skills; a position as manager is asked for a JSON plan."
            >
              <NativeSelect value={manager} onChange={(e) => setManager(e.target.value)}>
                <option value="">Bureau&apos;s manager</option>
                {staff.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title} ({p.agent.name})
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Approval policy">
                <NativeSelect
                  value={policy}
                  onChange={(e) => setPolicy(POLICY_OPTIONS.find((o) => o.value === e.target.value)?.value ?? "NONE")}
                >
                  {POLICY_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              {policy === "OVER" ? (
                <Field label="Approval over (credits)" error={errors.over}>
                  <Input inputMode="numeric" value={over} onChange={(e) => setOver(e.target.value)} placeholder="500" />
                </Field>
              ) : null}
            </div>
            <Field
              label="Plans run without acceptance up to (credits)"
              error={errors.autoRun}
              description="A plan whose estimate is above this waits for a lead to accept it. 0: every plan waits."
            >
              <Input inputMode="numeric" value={autoRun} onChange={(e) => setAutoRun(e.target.value)} />
            </Field>
            {errors.form ? (
              <p role="alert" className="text-sm font-medium text-destructive">
                {errors.form}
              </p>
            ) : null}
            <div>
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </div>
          </form>
        ) : (
          <dl className="grid gap-1.5">
            <Figure label="Manager" value={managerName} />
            <Figure
              label="Approvals"
              value={policySentence(department.approvalPolicy, department.approvalOverCredits)}
            />
            <Figure label="Plans run up to" value={creditCount(department.planAutoRunCredits)} />
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
