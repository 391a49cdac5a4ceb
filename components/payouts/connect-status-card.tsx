"use client";

import { useMutation } from "@tanstack/react-query";
import { BadgeCheck, Landmark, PowerOff, TriangleAlert } from "lucide-react";
import { formatDate, formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { requirementLabel } from "./requirement-label";

interface Account {
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  disabledReason: string | null;
  currentDeadline: Date | null;
  syncedAt: Date | null;
}

/** Stripe Connect onboarding: start or continue it, and what Stripe still needs. */
export function ConnectStatusCard(props: {
  orgId: string;
  stripeEnabled: boolean;
  account: Account | null;
  canManage: boolean;
  linkExpired: boolean;
}) {
  const trpc = useTRPC();
  const onboarding = useMutation(
    trpc.payouts.startOnboarding.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => toast.error(error.message),
    }),
  );
  const { account } = props;
  const ready = account?.payoutsEnabled && account.requirementsDue.length === 0;
  const status = !account ? null : ready ? (
    <Badge variant="success">Payouts enabled</Badge>
  ) : account.detailsSubmitted ? (
    <Badge variant="warning">Action needed</Badge>
  ) : (
    <Badge variant="secondary">Not finished</Badge>
  );

  return (
    <Card>
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle className="flex items-center gap-2">
            <Landmark className="size-4" aria-hidden /> Payout account
          </CardTitle>
          {status}
        </div>
        <CardDescription>
          Bureau pays your earnings to a Stripe account you set up on Stripe&apos;s own pages.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {!props.stripeEnabled ? (
          <Alert icon={<PowerOff />}>
            <AlertTitle>Payouts are not available on this Bureau yet</AlertTitle>
            <AlertDescription>
              Your earnings still accrue in the ledger and will be paid once the operator turns payouts on.
            </AlertDescription>
          </Alert>
        ) : null}
        {props.linkExpired ? (
          <Alert variant="warning" icon={<TriangleAlert />}>
            <AlertDescription>That onboarding link expired. Continue onboarding to get a fresh one.</AlertDescription>
          </Alert>
        ) : null}
        {ready ? (
          <p className="flex items-center gap-2 text-sm">
            <BadgeCheck className="size-4 text-success" aria-hidden /> Stripe has everything it needs. Available
            earnings are paid out daily.
          </p>
        ) : account && account.requirementsDue.length > 0 ? (
          <div data-testid="requirements-due" className="space-y-2">
            <p className="text-sm font-medium">
              Stripe still needs{account.currentDeadline ? ` (by ${formatDate(account.currentDeadline)})` : ""}:
            </p>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {[...new Set(account.requirementsDue.map(requirementLabel))].map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </div>
        ) : account ? (
          <p className="text-sm text-muted-foreground">Stripe is reviewing your details.</p>
        ) : (
          <p className="text-sm text-muted-foreground">
            You have not set up payouts yet. Earnings keep accruing in the meantime.
          </p>
        )}
        {account?.syncedAt ? (
          <p className="text-xs text-muted-foreground">
            Status from Stripe, updated {formatRelative(account.syncedAt)}.
          </p>
        ) : null}
        {props.stripeEnabled && !ready ? (
          props.canManage ? (
            <Button loading={onboarding.isPending} onClick={() => onboarding.mutate({ orgId: props.orgId })}>
              {account ? "Continue onboarding" : "Set up payouts"}
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground">An owner or admin can set up payouts.</p>
          )
        ) : null}
      </CardContent>
    </Card>
  );
}
