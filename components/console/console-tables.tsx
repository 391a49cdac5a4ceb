"use client";

import { HeartPulse, ListChecks } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import { formatRelative } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ConsoleSnapshot } from "./console-types";

const agentLink = (line: { agentName: string; agentSlug: string | null }) =>
  line.agentSlug ? (
    <Link className="hover:underline" href={`/agents/${line.agentSlug}`}>
      {line.agentName}
    </Link>
  ) : (
    line.agentName
  );

/** Tasks running now, per agent and state; the table scrolls inside its card on a narrow screen. */
export const InFlightTable = memo(function InFlightTable({ inFlight }: { inFlight: ConsoleSnapshot["inFlight"] }) {
  return (
    <Card className="min-w-0" data-testid="in-flight-table">
      <CardHeader>
        <CardTitle>In flight by agent</CardTitle>
        <CardDescription>Queued (submitted), working and waiting for your input, right now.</CardDescription>
      </CardHeader>
      <CardContent>
        {inFlight.byAgent.length === 0 ? (
          <EmptyState icon={<ListChecks />} title="Nothing running" description="Start a run from the marketplace." />
        ) : (
          <Table containerClassName="max-h-80 overflow-y-auto">
            <TableHeader>
              <TableRow>
                <TableHead>Agent</TableHead>
                <TableHead className="text-right">Queued</TableHead>
                <TableHead className="text-right">Working</TableHead>
                <TableHead className="text-right">Input</TableHead>
                <TableHead className="text-right">Total</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {inFlight.byAgent.map((line) => (
                <TableRow key={line.agentId} data-testid="in-flight-row">
                  <TableCell className="max-w-40 truncate font-medium whitespace-nowrap sm:max-w-56">
                    {agentLink(line)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{line.submitted}</TableCell>
                  <TableCell className="text-right tabular-nums">{line.working}</TableCell>
                  <TableCell className="text-right tabular-nums">{line.inputRequired}</TableCell>
                  <TableCell className="text-right font-medium tabular-nums">{line.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
});

const HEALTH = {
  HEALTHY: { label: "Healthy", variant: "success" },
  FAILING: { label: "Failing", variant: "destructive" },
  UNKNOWN: { label: "Not checked", variant: "secondary" },
} as const;

/** The last probe of each agent the org used (running now or finished in the last day). */
export const AgentHealthCard = memo(function AgentHealthCard({ agents }: { agents: ConsoleSnapshot["agentHealth"] }) {
  return (
    <Card className="min-w-0" data-testid="agent-health">
      <CardHeader>
        <CardTitle>Agent health</CardTitle>
        <CardDescription>Bureau probes each listed agent every 15 minutes.</CardDescription>
      </CardHeader>
      <CardContent>
        {agents.length === 0 ? (
          <EmptyState icon={<HeartPulse />} title="No agents used in the last day" />
        ) : (
          <ul className="grid gap-2">
            {agents.map((a) => (
              <li key={a.agentId} className="flex items-center justify-between gap-3 text-sm">
                <span className="min-w-0 truncate font-medium">{agentLink(a)}</span>
                <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground">
                  {a.lastCheckedAt ? formatRelative(a.lastCheckedAt) : null}
                  {a.lastLatencyMs !== null ? ` · ${a.lastLatencyMs} ms` : null}
                  <Badge variant={HEALTH[a.health].variant}>
                    {HEALTH[a.health].label}
                    {a.health === "FAILING" && a.consecutiveFailures > 1 ? ` ×${a.consecutiveFailures}` : ""}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
});
