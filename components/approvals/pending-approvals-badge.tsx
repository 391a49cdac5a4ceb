"use client";

import { useQuery } from "@tanstack/react-query";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { cn } from "@/components/ui/cn";

/** Counted up to this many; more shows as "20+". */
const COUNT_LIMIT = 20;
/** The navigation has no stream of its own; the inbox refreshes this count whenever it changes something. */
const REFRESH_MS = 60_000;

/** How many approvals wait for this member's decision, beside "Approvals" in the navigation. */
export function PendingApprovalsBadge() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.approvals.list.queryOptions({ orgId: org.id, state: "PENDING", scope: "mine", limit: COUNT_LIMIT }),
    refetchInterval: REFRESH_MS,
    select: (data) => ({ count: data.items.filter((a) => a.canDecide).length, more: data.nextCursor !== null }),
  });
  if (!query.data || query.data.count === 0) return null;
  const { count, more } = query.data;
  return (
    <span
      className={cn(
        "ml-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-warning px-1.5",
        "text-[11px] font-semibold text-warning-foreground tabular-nums",
      )}
      data-testid="pending-approvals-count"
      aria-label={`${count}${more ? " or more" : ""} waiting for you`}
    >
      {count}
      {more ? "+" : ""}
    </span>
  );
}
