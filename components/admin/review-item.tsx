"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { HealthBadge } from "@/components/agents/listing-badges";
import { creditCount, formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/sell/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { categoryLabel } from "@/server/schemas/categories";
import type { ListingPhase } from "@/server/schemas/listing-state";
import type { AgentStatus } from "@/server/schemas/enums";
import { ReasonDialog } from "./reason-dialog";
import {
  CardJson,
  LastHealthCheck,
  SameEndpointWarning,
  type HealthCheckView,
  type SameEndpointListing,
} from "./review-checks";

export interface ReviewRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  sellerName: string;
  status: AgentStatus;
  statusReason: string | null;
  cardUrl: string | null;
  endpointUrl: string;
  pricePerTask: number;
  categories: string[];
  submittedAt: Date | null;
  health: "UNKNOWN" | "HEALTHY" | "FAILING";
  healthFlagged: boolean;
  currentVersion: number;
  skillNames: string[];
  phase: ListingPhase;
  card: unknown;
  lastCheck: HealthCheckView | null;
  sameEndpoint: SameEndpointListing[];
}

export function ReviewItem({ row, onDone }: { row: ReviewRow; onDone: () => void }) {
  const trpc = useTRPC();
  const done = (message: string) => () => {
    toast.success(message);
    onDone();
  };
  const approve = useMutation(
    trpc.admin.approve.mutationOptions({
      onSuccess: done(`${row.name} is published.`),
      onError: (e) => toast.error(e.message),
    }),
  );
  const reject = useMutation(
    trpc.admin.reject.mutationOptions({ onSuccess: done(`${row.name} went back to the seller.`) }),
  );
  const suspend = useMutation(trpc.admin.suspend.mutationOptions({ onSuccess: done(`${row.name} is suspended.`) }));

  return (
    <Card className="gap-3 p-5" data-testid="review-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">
              {row.status === "PUBLISHED" ? (
                <Link className="hover:underline" href={`/agents/${row.slug}`}>
                  {row.name}
                </Link>
              ) : (
                row.name
              )}
            </h3>
            <StatusBadge phase={row.phase} />
            <HealthBadge health={row.health} flagged={row.healthFlagged} />
          </div>
          <p className="text-sm text-muted-foreground">
            {row.sellerName} · {creditCount(row.pricePerTask)}/task · v{row.currentVersion}
            {row.submittedAt ? ` · submitted ${formatRelative(row.submittedAt)}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {row.status === "IN_REVIEW" ? (
            <>
              <Button size="sm" loading={approve.isPending} onClick={() => approve.mutate({ agentId: row.id })}>
                Approve
              </Button>
              <ReasonDialog
                action="Reject"
                agentName={row.name}
                pending={reject.isPending}
                error={reject.error?.message ?? null}
                onConfirm={(reason, close) => reject.mutate({ agentId: row.id, reason }, { onSuccess: close })}
              />
            </>
          ) : null}
          {row.status === "IN_REVIEW" || row.phase === "PUBLISHED" || row.phase === "PAUSED" ? (
            <ReasonDialog
              action="Suspend"
              agentName={row.name}
              pending={suspend.isPending}
              error={suspend.error?.message ?? null}
              onConfirm={(reason, close) => suspend.mutate({ agentId: row.id, reason }, { onSuccess: close })}
            />
          ) : null}
        </div>
      </div>
      <SameEndpointWarning listings={row.sameEndpoint} />
      <p className="line-clamp-3 text-sm">{row.description}</p>
      <div className="flex flex-wrap gap-1">
        {row.categories.map((c) => (
          <Badge key={c} variant="secondary">
            {categoryLabel(c)}
          </Badge>
        ))}
        {row.skillNames.map((s) => (
          <Badge key={s} variant="outline">
            {s}
          </Badge>
        ))}
      </div>
      <dl className="grid gap-1 text-xs text-muted-foreground sm:grid-cols-[5rem_1fr]">
        <dt>Endpoint</dt>
        <dd className="break-all text-foreground">{row.endpointUrl}</dd>
        <dt>Card</dt>
        <dd className="break-all text-foreground">{row.cardUrl ?? "pasted JSON"}</dd>
        {row.statusReason ? (
          <>
            <dt>Reason</dt>
            <dd className="text-foreground">{row.statusReason}</dd>
          </>
        ) : null}
      </dl>
      <LastHealthCheck agentId={row.id} check={row.lastCheck} onChecked={onDone} />
      <CardJson card={row.card} />
    </Card>
  );
}
