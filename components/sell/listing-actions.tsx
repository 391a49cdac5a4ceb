"use client";

import { useMutation } from "@tanstack/react-query";
import { Activity, ExternalLink, RefreshCw, Send } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { ListingPhase } from "@/server/schemas/listing-state";
import { controlsFor, ListingControl } from "./listing-controls";
import { PasteCardDialog } from "./paste-card-dialog";

interface Props {
  orgId: string;
  listing: {
    id: string;
    slug: string;
    name: string;
    phase: ListingPhase;
    publishedAt: Date | null;
    cardUrl: string | null;
  };
  onChanged: () => void;
}

/**
 * Submit for review, update the card, probe health, pause / resume /
 * unpublish; and a link to the public page while published.
 */
export function ListingActions({ orgId, listing, onChanged }: Props) {
  const trpc = useTRPC();
  const ids = { orgId, agentId: listing.id };
  const fail = (error: { message: string }) => toast.error(error.message);
  const submit = useMutation(
    trpc.sell.submit.mutationOptions({
      onSuccess: () => {
        toast.success("Submitted for review.");
        onChanged();
      },
      onError: fail,
    }),
  );
  const refresh = useMutation(
    trpc.sell.refreshCard.mutationOptions({
      onSuccess: (result) => {
        if (!result.ok) toast.error(`The card has problems: ${result.errors.join(" ")}`);
        else toast.success(result.changed ? `Card updated: version ${result.version}.` : "The card has not changed.");
        onChanged();
      },
      onError: fail,
    }),
  );
  const probe = useMutation(
    trpc.sell.checkHealth.mutationOptions({
      onSuccess: (result) => {
        if (result.ok) toast.success(`Healthy (${result.latencyMs} ms).`);
        else toast.error(result.error ?? "The check failed.");
        onChanged();
      },
      onError: fail,
    }),
  );
  const submittable = listing.phase === "DRAFT" || listing.phase === "UNPUBLISHED" || listing.phase === "SUSPENDED";

  return (
    <>
      {listing.phase === "PUBLISHED" ? (
        <Button asChild variant="outline">
          <Link href={`/agents/${listing.slug}`}>
            <ExternalLink aria-hidden />
            View in marketplace
          </Link>
        </Button>
      ) : null}
      <Button variant="outline" loading={probe.isPending} onClick={() => probe.mutate(ids)}>
        <Activity aria-hidden />
        Check health
      </Button>
      {listing.cardUrl ? (
        <Button variant="outline" loading={refresh.isPending} onClick={() => refresh.mutate(ids)}>
          <RefreshCw aria-hidden />
          Re-fetch card
        </Button>
      ) : (
        <PasteCardDialog orgId={orgId} agentId={listing.id} onChanged={onChanged} />
      )}
      {controlsFor(listing.phase, listing.publishedAt !== null).map((control) => (
        <ListingControl
          key={control}
          orgId={orgId}
          agentId={listing.id}
          agentName={listing.name}
          control={control}
          onChanged={onChanged}
        />
      ))}
      {submittable ? (
        <Button loading={submit.isPending} onClick={() => submit.mutate(ids)}>
          <Send aria-hidden />
          Submit for review
        </Button>
      ) : null}
    </>
  );
}
