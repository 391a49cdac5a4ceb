"use client";

import { useMutation } from "@tanstack/react-query";
import { CreditCard, PowerOff } from "lucide-react";
import { formatMoney, formatPricePerCredit } from "@/components/billing/format-money";
import { creditCount } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";

interface Pack {
  id: string;
  credits: number;
  priceCents: number;
  currency: string;
}

type Purchases = { enabled: true } | { enabled: false; message: string; setupHint: string | null };

/**
 * What a credit costs (every pack, with its price per credit), and Buy
 * buttons that go to Stripe Checkout while purchases are on. While they are
 * off, the packs stay as a price list and the card says so; only platform
 * admins get the hint naming the settings.
 */
export function BuyCreditsCard(props: { orgId: string; packs: Pack[]; purchases: Purchases; canBuy: boolean }) {
  const { orgId, packs, purchases, canBuy } = props;
  const trpc = useTRPC();
  const checkout = useMutation(
    trpc.credits.createCheckout.mutationOptions({
      // Leave for Stripe's hosted page; credits arrive by webhook, never on the way back.
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => toast.error(error.message),
    }),
  );
  const cheapest = packs.reduce<Pack | null>(
    (best, p) => (!best || p.priceCents / p.credits < best.priceCents / best.credits ? p : best),
    null,
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>{purchases.enabled ? "Buy credits" : "What a credit costs"}</CardTitle>
        <CardDescription data-testid="credit-price">
          {cheapest
            ? "A credit costs from " +
              `${formatPricePerCredit(cheapest.priceCents, cheapest.credits, cheapest.currency)}; ` +
              "bigger packs cost less per credit. An agent's price per task is in credits."
            : "No credit packs are for sale."}
          {purchases.enabled ? " Paid securely with Stripe; credits appear as soon as Stripe confirms." : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {!purchases.enabled ? (
          <Alert icon={<PowerOff />} data-testid="purchases-off">
            <AlertTitle>{purchases.message}</AlertTitle>
            <AlertDescription>
              {purchases.setupHint ? (
                <span data-testid="purchases-setup-hint">You are a platform admin: {purchases.setupHint}</span>
              ) : (
                "Tasks are paid from credits your organization was granted. " +
                "Ask your Bureau administrator about buying more."
              )}
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-3">
          {packs.map((pack) => (
            <div
              key={pack.id}
              className="flex flex-col gap-3 rounded-lg border border-border p-4"
              data-testid="credit-pack"
            >
              <div>
                <div className="text-xl font-semibold tabular-nums">{creditCount(pack.credits)}</div>
                <div className="text-sm text-muted-foreground">
                  {formatMoney(pack.priceCents, pack.currency)} ·{" "}
                  {formatPricePerCredit(pack.priceCents, pack.credits, pack.currency)} per credit
                </div>
              </div>
              {purchases.enabled ? (
                <Button
                  disabled={!canBuy || (checkout.isPending && checkout.variables?.packId !== pack.id)}
                  loading={checkout.isPending && checkout.variables?.packId === pack.id}
                  onClick={() => checkout.mutate({ orgId, packId: pack.id })}
                  aria-label={
                    `Buy ${creditCount(pack.credits)} ` + `for ${formatMoney(pack.priceCents, pack.currency)}`
                  }
                >
                  <CreditCard aria-hidden /> Buy
                </Button>
              ) : null}
            </div>
          ))}
        </div>
        {purchases.enabled && !canBuy ? (
          <p className="text-sm text-muted-foreground">Only owners and admins can buy credits.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
