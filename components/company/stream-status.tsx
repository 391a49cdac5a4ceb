import type { OrgStreamStatus } from "@/components/console/use-org-event-stream";

const LABEL: Record<OrgStreamStatus, string> = {
  connecting: "Connecting…",
  live: "Updates live",
  reconnecting: "Reconnecting…",
  failed: "Not live: reload to update",
};

export function StreamStatus({ status }: { status: OrgStreamStatus }) {
  return (
    <span className="text-xs text-muted-foreground" data-testid="company-stream-status" data-status={status}>
      {LABEL[status]}
    </span>
  );
}
