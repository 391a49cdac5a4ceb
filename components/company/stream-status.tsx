import type { OrgEventsStatus } from "@/components/workflow-runs/use-org-events";

const LABEL: Record<OrgEventsStatus, string> = {
  connecting: "Connecting…",
  live: "Updates live",
  reconnecting: "Reconnecting…",
  failed: "Not live: reload to update",
};

export function StreamStatus({ status }: { status: OrgEventsStatus }) {
  return (
    <span className="text-xs text-muted-foreground" data-testid="company-stream-status" data-status={status}>
      {LABEL[status]}
    </span>
  );
}
