"use client";

import { FlaskConical, KeyRound, ShieldCheck, SlidersHorizontal, UserRoundCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { CodeBlock } from "@/components/agents/code-block";
import { useOrg } from "@/components/providers/org-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { curlInitializeSnippet, mcpClientConfigs, type McpAuth } from "./mcp-config";

const HEADER_LINK = cn(
  "inline-flex h-9 items-center gap-2 rounded-md border border-border px-3 text-sm font-medium hover:bg-muted",
);

const AUTH_CHOICES: { id: McpAuth; title: string; description: string; icon: typeof KeyRound }[] = [
  {
    id: "oauth",
    title: "Sign in with Bureau (OAuth)",
    description: "The client acts as you, with your role, in the organization you choose. Needed to approve.",
    icon: UserRoundCheck,
  },
  {
    id: "apiKey",
    title: "Org API key",
    description: "For programs and shared setups: a key with the mcp:use scope, its other scopes pick the tools.",
    icon: KeyRound,
  },
];

/** How to connect Claude, Cursor, VS Code or any Streamable HTTP client to the org's MCP server. */
export function ConnectMcpView({ url }: { url: string }) {
  const { org } = useOrg();
  const [auth, setAuth] = useState<McpAuth>("oauth");
  const configs = mcpClientConfigs({ url, orgSlug: org.slug, auth });
  const admin = org.role === "owner" || org.role === "admin";

  return (
    <div className="space-y-8">
      <PageHeader
        title="Connect an MCP client"
        description={
          <>
            Use {org.name}&apos;s company from Claude, Cursor, VS Code or any MCP client: search the marketplace, run
            agents and hired positions, ask departments, follow tasks and approvals. Work is billed to the org&apos;s
            credits like any task.
          </>
        }
        actions={
          <Link href="/mcp/playground" className={HEADER_LINK}>
            <FlaskConical className="size-4" aria-hidden="true" /> Try the tools
          </Link>
        }
      />

      <Card>
        <CardHeader>
          <CardTitle>Server URL</CardTitle>
          <CardDescription>
            Streamable HTTP, MCP 2025-11-25 (earlier revisions too). One URL for every org: the credential picks{" "}
            {org.name}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <div className="flex min-w-0 items-center gap-2 rounded-lg border border-border bg-muted/60 py-1 pr-1 pl-3">
            <code className="min-w-0 flex-1 truncate text-sm" data-testid="mcp-url">
              {url}
            </code>
            <CopyButton value={url} label="Copy the MCP server URL" />
          </div>
        </CardContent>
      </Card>

      <section className="space-y-3" aria-labelledby="mcp-auth">
        <h2 id="mcp-auth" className="text-base font-semibold">
          How the client signs in
        </h2>
        <div className="grid gap-3 sm:grid-cols-2" role="radiogroup" aria-labelledby="mcp-auth">
          {AUTH_CHOICES.map((choice) => (
            <button
              key={choice.id}
              type="button"
              role="radio"
              aria-checked={auth === choice.id}
              onClick={() => setAuth(choice.id)}
              className={cn(
                "flex items-start gap-3 rounded-lg border p-4 text-left transition-colors",
                auth === choice.id ? "border-primary bg-primary/5" : "border-border hover:bg-muted/60",
              )}
            >
              <choice.icon className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
              <span className="min-w-0 space-y-1">
                <span className="flex flex-wrap items-center gap-2 font-medium">
                  {choice.title}
                  {choice.id === "oauth" ? <Badge variant="secondary">Recommended</Badge> : null}
                </span>
                <span className="block text-sm text-muted-foreground">{choice.description}</span>
              </span>
            </button>
          ))}
        </div>
        {auth === "apiKey" ? (
          <p className="text-sm text-muted-foreground">
            Create a key with <code className="text-xs">mcp:use</code> and the scopes its tools need (
            <code className="text-xs">agents:read</code> to search, <code className="text-xs">tasks:write</code> to run)
            in{" "}
            <Link href="/settings/api-keys" className="font-medium text-primary underline-offset-4 hover:underline">
              API keys
            </Link>
            . A key cannot approve: approvals need a person.
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">
            Apps you connect are listed in{" "}
            <Link
              href="/settings/connected-apps"
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              Connected apps
            </Link>
            , where you can disconnect them.
          </p>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="mcp-clients">
        <h2 id="mcp-clients" className="text-base font-semibold">
          Your client
        </h2>
        <Tabs defaultValue="claude-desktop" className="min-w-0">
          <TabsList className="h-auto max-w-full flex-wrap">
            {configs.map((config) => (
              <TabsTrigger key={config.id} value={config.id}>
                {config.label}
              </TabsTrigger>
            ))}
          </TabsList>
          {configs.map((config) => (
            <TabsContent key={config.id} value={config.id} className="min-w-0 space-y-3">
              <p className="text-sm">
                <span className="text-muted-foreground">Where: </span>
                <span className="font-medium">{config.where}</span>
              </p>
              <CodeBlock
                code={config.code}
                label={`${config.label} configuration`}
                testId={`mcp-config-${config.id}`}
              />
              <p className="text-sm text-muted-foreground">{config.note}</p>
              {config.id === "any" && auth === "apiKey" ? (
                <CodeBlock code={curlInitializeSnippet(url)} label="curl command" testId="mcp-config-curl" />
              ) : null}
            </TabsContent>
          ))}
        </Tabs>
      </section>

      <div className="grid gap-3 sm:grid-cols-2">
        <Link href="/mcp/playground" className="rounded-lg border border-border p-4 hover:bg-muted/60">
          <span className="flex items-center gap-2 font-medium">
            <FlaskConical className="size-4" aria-hidden="true" /> Tool playground
          </span>
          <span className="mt-1 block text-sm text-muted-foreground">
            Call the tools as you, see their progress and results.
          </span>
        </Link>
        {admin ? (
          <Link href="/settings/mcp/grants" className="rounded-lg border border-border p-4 hover:bg-muted/60">
            <span className="flex items-center gap-2 font-medium">
              <SlidersHorizontal className="size-4" aria-hidden="true" /> Tool access
            </span>
            <span className="mt-1 block text-sm text-muted-foreground">
              Choose which tools each role, department&apos;s leads and API key may see and call.
            </span>
          </Link>
        ) : (
          <div className="rounded-lg border border-dashed border-border p-4">
            <span className="flex items-center gap-2 font-medium">
              <ShieldCheck className="size-4" aria-hidden="true" /> Tool access
            </span>
            <span className="mt-1 block text-sm text-muted-foreground">
              Admins choose which tools each role and key may use; you see what your role allows.
            </span>
          </div>
        )}
      </div>
    </div>
  );
}
