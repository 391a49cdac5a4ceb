"use client";

import { useMutation } from "@tanstack/react-query";
import { Activity, Copy, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatDateTime, formatRelative, plural } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/sell/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { ListingPhase } from "@/server/schemas/listing-state";

export interface SameEndpointListing {
  id: string;
  slug: string;
  name: string;
  sellerName: string;
  sameSeller: boolean;
  phase: ListingPhase;
}

/** Another listing already calls this endpoint: most likely someone re-listing an agent that is not theirs. */
export function SameEndpointWarning({ listings }: { listings: SameEndpointListing[] }) {
  if (listings.length === 0) return null;
  return (
    <Alert variant="warning" icon={<Copy />} data-testid="same-endpoint-warning">
      <AlertTitle>
        This endpoint is already used by {plural(listings.length, { one: "other listing", other: "other listings" })}
      </AlertTitle>
      <AlertDescription>
        <ul className="mt-1 space-y-1">
          {listings.map((other) => (
            <li key={other.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
              {other.phase === "PUBLISHED" ? (
                <Link href={`/agents/${other.slug}`} className="font-medium underline-offset-2 hover:underline">
                  {other.name}
                </Link>
              ) : (
                <span className="font-medium">{other.name}</span>
              )}
              <span>by {other.sameSeller ? `${other.sellerName} (the same seller)` : other.sellerName}</span>
              <StatusBadge phase={other.phase} />
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

export interface HealthCheckView {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  checkedAt: Date;
}

/** The listing's last probe, and a button to probe it now. */
export function LastHealthCheck(props: { agentId: string; check: HealthCheckView | null; onChecked: () => void }) {
  const trpc = useTRPC();
  const probe = useMutation(
    trpc.admin.checkHealth.mutationOptions({
      onSuccess: (result) => {
        if (result.ok) toast.success(`Healthy (${result.latencyMs} ms).`);
        else toast.error(result.error ?? "The check failed.");
        props.onChecked();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const { check } = props;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="last-health-check">
      <span className="text-muted-foreground">Last health check:</span>
      {check ? (
        <>
          <Badge variant={check.ok ? "success" : "destructive"}>
            {check.ok ? <Activity aria-hidden /> : <TriangleAlert aria-hidden />}
            {check.ok ? "OK" : "Failed"}
          </Badge>
          <time dateTime={check.checkedAt.toISOString()} title={formatDateTime(check.checkedAt)}>
            {formatRelative(check.checkedAt)}
          </time>
          <span className="text-muted-foreground tabular-nums">
            {[
              check.httpStatus !== null ? `HTTP ${check.httpStatus}` : null,
              check.latencyMs !== null ? `${check.latencyMs} ms` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
          {check.error ? <span className="w-full text-xs break-words text-destructive">{check.error}</span> : null}
        </>
      ) : (
        <span>never checked</span>
      )}
      <Button
        size="sm"
        variant="outline"
        loading={probe.isPending}
        onClick={() => probe.mutate({ agentId: props.agentId })}
      >
        Check now
      </Button>
    </div>
  );
}

/** The card as the seller published it, pretty-printed, scrolling inside its own box. */
export function CardJson({ card }: { card: unknown }) {
  if (card === null || card === undefined) return null;
  return (
    <details className="group rounded-lg border border-border" data-testid="review-card-json">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium select-none">Agent Card</summary>
      <pre className="max-h-80 overflow-auto border-t border-border bg-muted/60 p-3 text-xs leading-relaxed">
        <code>{JSON.stringify(card, null, 2)}</code>
      </pre>
    </details>
  );
}
