import { History } from "lucide-react";
import Link from "next/link";
import { formatRelative } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { Dashboard } from "./dashboard-types";

/** The latest audit rows, each saying what happened; owners and admins get the full log. */
export function ActivityCard({ items, canOpenLog }: { items: Dashboard["recentActivity"]; canOpenLog: boolean }) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <div className="flex items-start justify-between gap-3">
          <div className="grid gap-1.5">
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>From this organization&apos;s audit log.</CardDescription>
          </div>
          {canOpenLog ? (
            <Button asChild variant="outline" size="sm">
              <Link href="/settings/audit">Audit log</Link>
            </Button>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <EmptyState
            icon={<History />}
            title="Nothing yet"
            description="Credits, budgets, keys and member changes will show up here."
          />
        ) : (
          <ul className="divide-y divide-border" data-testid="activity">
            {items.map((item) => (
              <li
                key={item.id}
                className={cn(
                  "flex flex-col gap-0.5 py-2.5 text-sm",
                  "sm:flex-row sm:items-baseline sm:justify-between sm:gap-4",
                )}
              >
                <span className="min-w-0 break-words" data-testid="activity-row">
                  {item.summary}
                  <span className="text-muted-foreground"> · {item.actorName ?? "Bureau"}</span>
                </span>
                <time className="shrink-0 text-xs text-muted-foreground" dateTime={item.createdAt.toISOString()}>
                  {formatRelative(item.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
