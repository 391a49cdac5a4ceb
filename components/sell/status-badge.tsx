import { Badge } from "@/components/ui/badge";
import type { ListingPhase } from "@/server/schemas/listing-state";

const LOOK: Record<
  ListingPhase,
  { label: string; variant: "outline" | "warning" | "success" | "destructive" | "secondary" }
> = {
  DRAFT: { label: "Draft", variant: "outline" },
  UNPUBLISHED: { label: "Unpublished", variant: "outline" },
  IN_REVIEW: { label: "In review", variant: "warning" },
  PUBLISHED: { label: "Published", variant: "success" },
  PAUSED: { label: "Paused", variant: "secondary" },
  SUSPENDED: { label: "Suspended", variant: "destructive" },
};

/** A listing's status as people read it (paused and unpublished included). */
export function StatusBadge({ phase }: { phase: ListingPhase }) {
  return (
    <Badge variant={LOOK[phase].variant} data-testid="listing-status" data-phase={phase}>
      {LOOK[phase].label}
    </Badge>
  );
}
