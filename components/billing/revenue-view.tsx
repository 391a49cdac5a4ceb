"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Banknote, CircleCheck, CreditCard, HandCoins, Landmark, TriangleAlert } from "lucide-react";
import { creditCount, formatCredits, plural } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "./format-money";
import { GrantCreditsForm } from "./grant-credits-form";
import { GrantsTable } from "./grants-table";

/** Platform admins: fees earned, what sellers are owed, the ledger check, and credit grants. */
export function RevenueView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.platform.revenue.queryOptions());

  return (
    <div className="space-y-8">
      <PageHeader
        title="Platform revenue"
        description="Fees from settled tasks, money owed to sellers, and credit grants."
      />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={<Skeleton className="h-48 w-full" />}
      >
        {() => {
          const r = query.data!;
          return (
            <>
              {r.ledger.ok ? (
                <Alert variant="success" icon={<CircleCheck />}>
                  <AlertDescription>
                    Ledger check passed: every transaction balances and every cached balance matches its entries.
                  </AlertDescription>
                </Alert>
              ) : (
                <Alert variant="destructive" icon={<TriangleAlert />}>
                  <AlertDescription>
                    Ledger check found {plural(r.ledger.problems, { one: "problem", other: "problems" })}. Investigate
                    before paying out.
                  </AlertDescription>
                </Alert>
              )}
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <Stat
                  icon={<HandCoins />}
                  label="Revenue this month"
                  value={<span data-testid="revenue-month">{formatCredits(r.revenueThisMonth)}</span>}
                  hint={
                    `${plural(r.tasksThisMonth, { one: "task", other: "tasks" })}, ` +
                    `${creditCount(r.taskVolumeThisMonth)} settled`
                  }
                />
                <Stat
                  icon={<Landmark />}
                  label="Revenue all time"
                  value={formatCredits(r.revenueTotal)}
                  hint="Platform fees, in credits"
                />
                <Stat
                  icon={<Banknote />}
                  label="Owed to sellers"
                  value={formatCredits(r.sellersOwed.pending + r.sellersOwed.available)}
                  hint={
                    `${formatCredits(r.sellersOwed.available)} available · ` +
                    plural(r.failingPayouts, { one: "failing payout", other: "failing payouts" })
                  }
                />
                <Stat
                  icon={<CreditCard />}
                  label="Purchases this month"
                  value={formatMoney(r.purchasesThisMonth.amountCents)}
                  hint={
                    `${plural(r.purchasesThisMonth.count, { one: "purchase", other: "purchases" })}, ` +
                    `${creditCount(r.purchasesThisMonth.credits)} · ` +
                    `${formatCredits(r.grantedTotal)} granted ever`
                  }
                />
              </div>
              <Card>
                <CardHeader>
                  <CardTitle>By month</CardTitle>
                </CardHeader>
                <CardContent>
                  {r.months.length === 0 ? (
                    <EmptyState icon={<HandCoins />} title="No settled tasks in the last six months" />
                  ) : (
                    <Table>
                      <TableHeader>
                        <TableRow>
                          <TableHead>Month</TableHead>
                          <TableHead className="text-right">Tasks</TableHead>
                          <TableHead className="text-right">Volume</TableHead>
                          <TableHead className="text-right">Fees</TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {r.months.map((m) => (
                          <TableRow key={m.month}>
                            <TableCell>{m.month}</TableCell>
                            <TableCell className="text-right tabular-nums">{formatCredits(m.tasks)}</TableCell>
                            <TableCell className="text-right tabular-nums">{formatCredits(m.volume)}</TableCell>
                            <TableCell className="text-right tabular-nums">{formatCredits(m.fees)}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  )}
                </CardContent>
              </Card>
            </>
          );
        }}
      </QueryState>
      <Card>
        <CardHeader>
          <CardTitle>Grant credits</CardTitle>
          <CardDescription>Free credits for an organization (pilots, support). Every grant is audited.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <GrantCreditsForm onGranted={() => void queryClient.invalidateQueries(trpc.platform.pathFilter())} />
          <GrantsTable />
        </CardContent>
      </Card>
    </div>
  );
}
