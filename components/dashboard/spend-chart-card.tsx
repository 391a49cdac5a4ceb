"use client";

import { ChartNoAxesColumn } from "lucide-react";
import { BarChart } from "@/components/charts/bar-chart";
import { formatDayLong, formatDayShort } from "@/components/charts/day-format";
import { formatCredits, plural } from "@/components/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Dashboard } from "./dashboard-types";

/** Credits charged per UTC day over the last 30 days. */
export function SpendChartCard({ days }: { days: Dashboard["spendByDay"] }) {
  const total = days.reduce((sum, d) => sum + d.credits, 0);
  return (
    <Card className="min-w-0" data-testid="spend-chart">
      <CardHeader>
        <CardTitle>Spend per day</CardTitle>
        <CardDescription>
          {plural(total, { one: "credit", other: "credits" })} charged in the last {days.length} days (UTC).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {total === 0 ? (
          <EmptyState
            icon={<ChartNoAxesColumn />}
            title="No spend in the last 30 days"
            description="Credits charged for finished runs show up here, day by day."
          />
        ) : (
          <BarChart
            label={`Credits charged per day, last ${days.length} days`}
            data={days.map((d) => ({ x: d.day, y: d.credits }))}
            formatTick={formatDayShort}
            formatLabel={formatDayLong}
            formatValue={(value) => formatCredits(value)}
          />
        )}
      </CardContent>
    </Card>
  );
}
