"use client";

import { useMutation } from "@tanstack/react-query";
import { CreditCard, PowerOff } from "lucide-react";
import { formatMoney } from "@/components/billing/format-money";
import { formatCredits } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";

type Purchases =
  | { enabled: true; packs: { id: string; credits: number; priceCents: number; currency: string }[] }
  | { enabled: false; message: string };

/** Credit packs with Buy buttons that go to Stripe Checkout, or the sentence saying purchases are off. */
export function BuyCreditsCard({ orgId, purchases, canBuy }: { orgId: string; purchases: Purchases; canBuy: boolean }) {
  const trpc = useTRPC();
  const checkout = useMutation(
    trpc.credits.createCheckout.mutationOptions({
      // Leave for Stripe's hosted page; credits arrive by webhook, never on the way back.
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>Buy credits</CardTitle>
        <CardDescription>
          Paid securely with Stripe. Credits appear as soon as Stripe confirms the payment.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!purchases.enabled ? (
          <Alert icon={<PowerOff />} data-testid="purchases-off">
            <AlertTitle>Purchases are off</AlertTitle>
            <AlertDescription>{purchases.message}</AlertDescription>
          </Alert>
        ) : (
          <div className="grid gap-3 sm:grid-cols-3">
            {purchases.packs.map((pack) => (
              <div
                key={pack.id}
                className="flex flex-col gap-3 rounded-lg border border-border p-4"
                data-testid="credit-pack"
              >
                <div>
                  <div className="text-xl font-semibold tabular-nums">{formatCredits(pack.credits)} credits</div>
                  <div className="text-sm text-muted-foreground">{formatMoney(pack.priceCents, pack.currency)}</div>
                </div>
                <Button
                  disabled={!canBuy || (checkout.isPending && checkout.variables?.packId !== pack.id)}
                  loading={checkout.isPending && checkout.variables?.packId === pack.id}
                  onClick={() => checkout.mutate({ orgId, packId: pack.id })}
                  aria-label={`Buy ${formatCredits(pack.credits)} credits for ${formatMoney(pack.priceCents, pack.currency)}`}
                >
                  <CreditCard aria-hidden /> Buy
                </Button>
              </div>
            ))}
            {!canBuy ? (
              <p className="text-sm text-muted-foreground sm:col-span-3">Only owners and admins can buy credits.</p>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
