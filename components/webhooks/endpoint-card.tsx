"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { AppRouter } from "@/server/trpc/root";
import type { inferRouterOutputs } from "@trpc/server";
import { DeliveryLog } from "./delivery-log";
import { describeEventTypes } from "./event-type-groups";
import { SecretReveal } from "./secret-reveal";

type Endpoint = inferRouterOutputs<AppRouter>["webhooks"]["list"][number];

export function EndpointCard(props: { orgId: string; endpoint: Endpoint; canManage: boolean; onChanged: () => void }) {
  const { orgId, endpoint, canManage, onChanged } = props;
  const trpc = useTRPC();
  const [showLog, setShowLog] = useState(false);
  const [rotatedSecret, setRotatedSecret] = useState<string | null>(null);
  const onError = (error: { message: string }) => toast.error(error.message);
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: onChanged, onError }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: onChanged, onError }));
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: (result) => {
        setRotatedSecret(result.secret);
        onChanged();
      },
      onError,
    }),
  );
  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: () => {
        toast.success("Test event queued.");
        setShowLog(true);
      },
      onError,
    }),
  );
  const ids = { orgId, endpointId: endpoint.id };

  return (
    <Card data-testid="webhook-endpoint">
      <CardContent className="space-y-4 pt-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-1">
            <p className="break-all font-mono text-sm font-medium">{endpoint.url}</p>
            {endpoint.description ? <p className="text-sm text-muted-foreground">{endpoint.description}</p> : null}
            <p className="text-xs text-muted-foreground">{describeEventTypes(endpoint.eventTypes)}</p>
            {endpoint.previousSecretExpiresAt ? (
              <p className="text-xs text-muted-foreground">
                Previous secret also signs until {formatDateTime(endpoint.previousSecretExpiresAt)}.
              </p>
            ) : null}
          </div>
          {endpoint.enabled ? (
            <Badge variant="success">Enabled</Badge>
          ) : (
            <Badge variant="destructive" title={endpoint.disabledAt ? formatDateTime(endpoint.disabledAt) : undefined}>
              {endpoint.disabledReason === "failing" ? "Disabled: failing for 3 days" : "Disabled"}
            </Badge>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="outline" onClick={() => setShowLog((v) => !v)}>
            {showLog ? "Hide deliveries" : "Deliveries"}
          </Button>
          {canManage ? (
            <>
              <Button
                size="sm"
                variant="outline"
                disabled={!endpoint.enabled}
                loading={sendTest.isPending}
                onClick={() => sendTest.mutate(ids)}
              >
                Send test event
              </Button>
              <Button
                size="sm"
                variant="outline"
                loading={update.isPending}
                onClick={() => update.mutate({ ...ids, enabled: !endpoint.enabled })}
              >
                {endpoint.enabled ? "Disable" : "Enable"}
              </Button>
              <Button
                size="sm"
                variant="outline"
                loading={rotate.isPending}
                onClick={() => {
                  if (window.confirm("Rotate the signing secret? The current one keeps working for 24 hours."))
                    rotate.mutate(ids);
                }}
              >
                Rotate secret
              </Button>
              <Button
                size="sm"
                variant="ghost"
                className="text-destructive"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`)) remove.mutate(ids);
                }}
              >
                Delete
              </Button>
            </>
          ) : null}
        </div>
        {showLog ? <DeliveryLog orgId={orgId} endpointId={endpoint.id} canManage={canManage} /> : null}
      </CardContent>
      <Dialog open={rotatedSecret !== null} onOpenChange={(open) => (open ? null : setRotatedSecret(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New signing secret</DialogTitle>
            <DialogDescription>
              Copy it now: it will not be shown again. Deliveries carry signatures with both secrets for 24 hours.
            </DialogDescription>
          </DialogHeader>
          {rotatedSecret ? <SecretReveal secret={rotatedSecret} /> : null}
          <DialogFooter>
            <Button onClick={() => setRotatedSecret(null)}>Done</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
