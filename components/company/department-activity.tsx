import { Activity } from "lucide-react";
import { formatDateTime, formatRelative } from "@/components/format";
import type { OrgStreamStatus } from "@/components/console/use-org-event-stream";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActivityItem } from "./company-events";
import { StreamStatus } from "./stream-status";

/** The department's latest events, newest first: the org log's recent past, then live. */
export function DepartmentActivity({ items, status }: { items: ActivityItem[]; status: OrgStreamStatus }) {
  return (
    <Card>
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle>Recent activity</CardTitle>
          <StreamStatus status={status} />
        </div>
        <CardDescription>Its tasks, staff and budget as they change. The full log is in the Console.</CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Activity className="size-4" aria-hidden />
            Nothing lately. Its tasks, staff and budget changes appear here as they happen.
          </p>
        ) : (
          <ul className="divide-y divide-border" data-testid="department-activity-list">
            {items.map((item) => (
              <li key={item.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                <span className="min-w-0 truncate">{item.text}</span>
                <time
                  className="shrink-0 text-xs text-muted-foreground"
                  dateTime={item.at.toISOString()}
                  title={formatDateTime(item.at)}
                >
                  {formatRelative(item.at)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
