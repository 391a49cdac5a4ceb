import { Badge } from "@/components/ui/badge";

type Status = "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "SUSPENDED";

const LOOK: Record<Status, { label: string; variant: "outline" | "warning" | "success" | "destructive" }> = {
  DRAFT: { label: "Draft", variant: "outline" },
  IN_REVIEW: { label: "In review", variant: "warning" },
  PUBLISHED: { label: "Published", variant: "success" },
  SUSPENDED: { label: "Suspended", variant: "destructive" },
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge variant={LOOK[status].variant} data-testid="listing-status">
      {LOOK[status].label}
    </Badge>
  );
}
