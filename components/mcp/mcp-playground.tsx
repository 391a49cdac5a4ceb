"use client";

import { CallToolResultSchema, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { FlaskConical, Plug, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { fieldsOf } from "./schema-fields";
import { ToolForm } from "./tool-form";
import { ToolResult } from "./tool-result";
import { useMcpClient } from "./use-mcp-client";

const HEADER_LINK = cn(
  "inline-flex h-9 items-center gap-2 rounded-md border border-border px-3 text-sm font-medium hover:bg-muted",
);

type Run =
  | { status: "idle" }
  | { status: "running"; progress: string[] }
  | { status: "done"; progress: string[]; result: CallToolResult }
  | { status: "failed"; progress: string[]; message: string };

/** A long call (an agent's task) may run for minutes; progress keeps it alive. */
const CALL_TIMEOUT_MS = 10 * 60_000;

function ToolBadges({ tool }: { tool: Tool }) {
  return (
    <span className="flex flex-wrap gap-1">
      {tool.annotations?.readOnlyHint ? (
        <Badge variant="outline">read-only</Badge>
      ) : (
        <Badge variant="secondary">acts</Badge>
      )}
      {tool.annotations?.destructiveHint ? <Badge variant="warning">destructive</Badge> : null}
      {tool.name.includes("__") ? <Badge variant="outline">position</Badge> : null}
    </span>
  );
}

/**
 * Calls the org's MCP tools as the signed-in member, through Bureau's real
 * /api/mcp (the SDK client in the browser, the session as credential): the
 * tool list, the form generated from the chosen tool's input schema, its
 * progress as it streams, cancelling, and what it answered.
 */
export function McpPlayground() {
  const { org } = useOrg();
  const { connection, retry } = useMcpClient(org.id);
  const [selected, setSelected] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ status: "idle" });
  const stop = useRef<AbortController | null>(null);

  const tools = connection.status === "ready" ? connection.tools : [];
  const tool = tools.find((t) => t.name === selected) ?? tools[0] ?? null;
  const fields = useMemo(() => (tool ? fieldsOf(tool.inputSchema) : []), [tool]);

  const call = async (args: Record<string, unknown>) => {
    if (connection.status !== "ready" || !tool) return;
    const abort = new AbortController();
    stop.current = abort;
    const progress: string[] = [];
    setRun({ status: "running", progress });
    try {
      // Parsed with CallToolResultSchema: callTool's declared type also admits the 2024 shape it never returns here.
      const result = (await connection.client.callTool({ name: tool.name, arguments: args }, CallToolResultSchema, {
        signal: abort.signal,
        timeout: CALL_TIMEOUT_MS,
        resetTimeoutOnProgress: true,
        onprogress: (p) => {
          progress.push(p.message ?? `Step ${p.progress}`);
          setRun({ status: "running", progress: [...progress] });
        },
      })) as CallToolResult;
      setRun({ status: "done", progress, result });
    } catch (error) {
      const message = abort.signal.aborted
        ? "Cancelled: Bureau was asked to stop the work this call started."
        : error instanceof Error
          ? error.message
          : "The call failed.";
      setRun({ status: "failed", progress, message });
    } finally {
      stop.current = null;
    }
  };

  const choose = (name: string) => {
    if (run.status === "running") return;
    setSelected(name);
    setRun({ status: "idle" });
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title="Tool playground"
        description={
          <>
            Bureau&apos;s MCP tools as an MCP client of yours sees them (your role: {org.role}), called through the real
            server. Tools that act run billed tasks in {org.name}.
          </>
        }
        actions={
          <Link href="/settings/mcp" className={HEADER_LINK}>
            <Plug className="size-4" aria-hidden="true" /> Connect a client
          </Link>
        }
      />
      {connection.status === "error" ? (
        <Alert variant="destructive" icon={<TriangleAlert />}>
          <AlertTitle>Could not connect to the MCP server</AlertTitle>
          <AlertDescription className="flex flex-wrap items-center justify-between gap-4">
            <span>{connection.message}</span>
            <Button size="sm" variant="outline" onClick={retry}>
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : connection.status === "connecting" ? (
        <div className="grid gap-6 md:grid-cols-[18rem_1fr]" aria-label="Connecting to the MCP server">
          <Skeleton className="h-72 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
      ) : tools.length === 0 ? (
        <EmptyState
          icon={<FlaskConical />}
          title="No tools for you here"
          description="Your role and the org's tool access settings leave you no MCP tools. Ask an admin."
        />
      ) : (
        <div className="grid min-w-0 gap-6 md:grid-cols-[18rem_1fr]">
          <nav aria-label="Tools" className="min-w-0">
            <ul className="max-h-[28rem] space-y-1 overflow-y-auto md:max-h-[70vh]" data-testid="mcp-tool-list">
              {tools.map((t) => (
                <li key={t.name}>
                  <button
                    type="button"
                    onClick={() => choose(t.name)}
                    aria-current={t.name === tool?.name ? "true" : undefined}
                    className={cn(
                      "w-full rounded-md px-3 py-2 text-left",
                      t.name === tool?.name ? "bg-primary/10" : "hover:bg-muted",
                    )}
                  >
                    <span className="block truncate text-sm font-medium">{t.title ?? t.name}</span>
                    <code className="block truncate text-xs text-muted-foreground">{t.name}</code>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {tool ? (
            <div className="min-w-0 space-y-6">
              <Card>
                <CardHeader className="space-y-2">
                  <CardTitle className="break-words">{tool.title ?? tool.name}</CardTitle>
                  <code className="text-xs break-all text-muted-foreground">{tool.name}</code>
                  <ToolBadges tool={tool} />
                  <p className="text-sm whitespace-pre-line text-muted-foreground">{tool.description}</p>
                </CardHeader>
                <CardContent>
                  <ToolForm
                    key={tool.name}
                    fields={fields}
                    running={run.status === "running"}
                    onRun={(args) => void call(args)}
                    onCancel={() => stop.current?.abort("cancelled in the playground")}
                  />
                </CardContent>
              </Card>
              {run.status === "idle" ? null : (
                <Card>
                  <CardHeader>
                    <CardTitle className="text-base">
                      {run.status === "running" ? "Running…" : run.status === "done" ? "Result" : "Stopped"}
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="space-y-4">
                    {run.progress.length ? (
                      <ol
                        className="max-h-48 space-y-1 overflow-y-auto text-sm"
                        aria-label="Progress"
                        aria-live="polite"
                        data-testid="mcp-progress"
                      >
                        {run.progress.map((line, index) => (
                          <li key={index} className="flex gap-2">
                            <span className="w-6 shrink-0 text-right text-muted-foreground tabular-nums">
                              {index + 1}
                            </span>
                            <span className="min-w-0 break-words">{line}</span>
                          </li>
                        ))}
                      </ol>
                    ) : run.status === "running" ? (
                      <p className="text-sm text-muted-foreground">Waiting for the first update…</p>
                    ) : null}
                    {run.status === "done" ? <ToolResult result={run.result} /> : null}
                    {run.status === "failed" ? (
                      <Alert variant="warning" icon={<TriangleAlert />}>
                        <AlertDescription>{run.message}</AlertDescription>
                      </Alert>
                    ) : null}
                  </CardContent>
                </Card>
              )}
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
