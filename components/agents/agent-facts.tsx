import type { ReactNode } from "react";
import { formatDate, formatRelative } from "@/components/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { HealthBadge } from "./listing-badges";

export interface AgentFactsData {
  provider: string;
  providerUrl: string | null;
  docsUrl: string | null;
  streaming: boolean;
  pushNotifications: boolean;
  inputModes: string[];
  outputModes: string[];
  protocolVersion: string;
  cardVersion: string | null;
  publishedAt: Date | null;
  health: "UNKNOWN" | "HEALTHY" | "FAILING";
  healthFlagged: boolean;
  lastCheckedAt: Date | null;
  lastLatencyMs: number | null;
  seller: { name: string };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const external = (href: string, text: string) => (
  <a href={href} target="_blank" rel="noreferrer noopener" className="text-primary hover:underline">
    {text}
  </a>
);

export function AgentFacts({ agent }: { agent: AgentFactsData }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y divide-border">
          <Fact label="Provider">
            {agent.providerUrl ? external(agent.providerUrl, agent.provider) : agent.provider}
          </Fact>
          <Fact label="Listed by">{agent.seller.name}</Fact>
          {agent.docsUrl ? <Fact label="Docs">{external(agent.docsUrl, "Documentation")}</Fact> : null}
          <Fact label="Health">
            <div className="space-y-1">
              <HealthBadge health={agent.health} flagged={agent.healthFlagged} />
              {agent.lastCheckedAt ? (
                <p className="text-xs text-muted-foreground">
                  Checked {formatRelative(agent.lastCheckedAt)}
                  {agent.lastLatencyMs !== null ? ` · ${agent.lastLatencyMs} ms` : ""}
                </p>
              ) : null}
            </div>
          </Fact>
          <Fact label="Streaming">{yesNo(agent.streaming)}</Fact>
          <Fact label="Push updates">{yesNo(agent.pushNotifications)}</Fact>
          <Fact label="Accepts">{agent.inputModes.join(", ") || "—"}</Fact>
          <Fact label="Returns">{agent.outputModes.join(", ") || "—"}</Fact>
          <Fact label="Protocol">A2A {agent.protocolVersion}</Fact>
          {agent.cardVersion ? <Fact label="Version">{agent.cardVersion}</Fact> : null}
          {agent.publishedAt ? <Fact label="Listed">{formatDate(agent.publishedAt)}</Fact> : null}
        </dl>
      </CardContent>
    </Card>
  );
}
