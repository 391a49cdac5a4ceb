"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Gauge, TriangleAlert } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { creditCount, formatCredits } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";

const ZCapFormSchema = z.object({
  cap: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,9}$/, "Enter a whole number of credits, at least 1."),
});

/** "November 2026" from "2026-11". */
const monthName = (key: string) =>
  new Date(`${key}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

function SpendBar({ spent, cap }: { spent: number; cap: number }) {
  const percent = Math.min(100, Math.floor((spent * 100) / cap));
  return (
    <div
      className="h-2 w-full overflow-hidden rounded-full bg-muted"
      role="progressbar"
      aria-label="Spend against cap"
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div
        className={cn(
          "h-full rounded-full",
          percent >= 100 ? "bg-destructive" : percent >= 80 ? "bg-warning" : "bg-primary",
        )}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

/** This month's spend against the org's cap; owners set or remove the cap here. */
export function BudgetCard({ orgId, isOwner }: { orgId: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.budgets.list.queryOptions({ orgId }));
  const form = useForm({ resolver: zodResolver(ZCapFormSchema), defaultValues: { cap: "" } });
  const setCap = useMutation(
    trpc.budgets.set.mutationOptions({
      onSuccess: (_data, variables) => {
        toast.success(variables.monthlyCapCredits === null ? "Monthly cap removed." : "Monthly cap saved.");
        form.reset({ cap: "" });
        void query.refetch();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const onSubmit = form.handleSubmit(({ cap }) => setCap.mutate({ orgId, monthlyCapCredits: Number(cap) }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>Monthly budget</CardTitle>
        <CardDescription>
          Tasks that would take this month&apos;s spend (captured plus on hold, UTC month) past the cap are refused.
          Owners are alerted at 80%.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() => {
            const { org: line, month } = query.data!;
            return (
              <div className="space-y-2" data-testid="budget-line">
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="flex items-center gap-1.5 font-medium">
                    <Gauge className="size-4 text-muted-foreground" aria-hidden /> {monthName(month)}
                  </span>
                  <span className="tabular-nums">
                    {formatCredits(line.spentCredits)}{" "}
                    {line.capCredits !== null ? (
                      <>
                        of {creditCount(line.capCredits)} ({line.percent}%)
                      </>
                    ) : (
                      "credits spent, no cap"
                    )}
                  </span>
                </div>
                {line.capCredits !== null ? <SpendBar spent={line.spentCredits} cap={line.capCredits} /> : null}
                {line.alert ? (
                  <Alert variant="warning" icon={<TriangleAlert />}>
                    <AlertDescription>This month&apos;s spend has reached {line.percent}% of the cap.</AlertDescription>
                  </Alert>
                ) : null}
              </div>
            );
          }}
        </QueryState>
        {isOwner ? (
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
            <Field label="Monthly cap (credits)" error={form.formState.errors.cap?.message} className="min-w-48 flex-1">
              <Input inputMode="numeric" placeholder="e.g. 50000" {...form.register("cap")} />
            </Field>
            <Button type="submit" loading={setCap.isPending && setCap.variables?.monthlyCapCredits !== null}>
              Save cap
            </Button>
            {query.data?.org.capCredits != null ? (
              <Button
                type="button"
                variant="outline"
                loading={setCap.isPending && setCap.variables?.monthlyCapCredits === null}
                onClick={() => setCap.mutate({ orgId, monthlyCapCredits: null })}
              >
                Remove cap
              </Button>
            ) : null}
          </form>
        ) : (
          <p className="text-sm text-muted-foreground">Only owners can change the cap.</p>
        )}
      </CardContent>
    </Card>
  );
}
