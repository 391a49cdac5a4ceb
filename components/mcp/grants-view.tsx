"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import type { McpGrantSubject } from "@/server/trpc/routers/mcp/grants.types";

const ACCESS_SELECT = "h-9 w-full shrink-0 rounded-md border border-input bg-background px-3 text-sm sm:w-40";

type Access = "default" | "ALLOW" | "HIDE";

const encode = (s: McpGrantSubject) => `${s.type}:${s.id}`;
const decode = (value: string): McpGrantSubject => {
  const [type, ...id] = value.split(":");
  return { type: type as McpGrantSubject["type"], id: id.join(":") };
};

function defaultLabel(tool: { visibleByDefault: boolean | null; scopeAllows: boolean | null }) {
  if (tool.visibleByDefault === null) return "as each lead's role";
  if (tool.scopeAllows === false) return "out of its scopes";
  return tool.visibleByDefault ? "visible" : "hidden";
}

/** Owners and admins choose, per role, department (its leads) or API key, which MCP tools are seen and called. */
export function McpGrantsView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const admin = org.role === "owner" || org.role === "admin";
  const subjects = useQuery({ ...trpc.mcp.grantSubjects.queryOptions({ orgId: org.id }), enabled: admin });
  const [subject, setSubject] = useState<McpGrantSubject>({ type: "ROLE", id: "member" });
  const tools = useQuery({ ...trpc.mcp.toolGrants.queryOptions({ orgId: org.id, subject }), enabled: admin });
  const setGrant = useMutation(
    trpc.mcp.setToolGrant.mutationOptions({
      onSuccess: () => {
        toast.success("Tool access saved. Connected clients see the change within a minute.");
        void tools.refetch();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <div className="space-y-8">
      <PageHeader
        title="MCP tool access"
        description={
          "Which of the org's MCP tools each role, each department's leads and each API key may see and call. " +
          "A hidden tool is neither listed nor callable; a tool still needs its scopes. A hide wins over an allow."
        }
      />
      {!admin ? (
        <EmptyState
          icon={<SlidersHorizontal />}
          title="Only owners and admins choose tool access"
          description="You see the tools your role allows in the tool playground."
        />
      ) : (
        <QueryState isPending={subjects.isPending} error={subjects.error} onRetry={() => void subjects.refetch()}>
          {() => (
            <div className="space-y-4">
              <label className="grid max-w-md gap-1 text-sm font-medium">
                For
                <select
                  className="h-9 rounded-md border border-input bg-background px-3 font-normal"
                  value={encode(subject)}
                  onChange={(e) => setSubject(decode(e.target.value))}
                  data-testid="mcp-grant-subject"
                >
                  <optgroup label="Roles">
                    {subjects.data!.roles.map((r) => (
                      <option key={r.id} value={encode({ type: "ROLE", id: r.id })}>
                        {r.name}
                      </option>
                    ))}
                  </optgroup>
                  {subjects.data!.departments.length ? (
                    <optgroup label="Department leads">
                      {subjects.data!.departments.map((d) => (
                        <option key={d.id} value={encode({ type: "DEPARTMENT", id: d.id })}>
                          {d.name} leads
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  {subjects.data!.apiKeys.length ? (
                    <optgroup label="API keys">
                      {subjects.data!.apiKeys.map((k) => (
                        <option key={k.id} value={encode({ type: "API_KEY", id: k.id })}>
                          {k.name}
                          {k.hasMcpScope ? "" : " (no mcp:use)"}
                          {k.active ? "" : " (inactive)"}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                </select>
              </label>
              <QueryState
                isPending={tools.isPending}
                error={tools.error}
                onRetry={() => void tools.refetch()}
                skeleton={<Skeleton className="h-96 w-full" />}
              >
                {() => (
                  <Card>
                    <CardContent className="divide-y divide-border pt-2">
                      {tools.data!.tools.map((tool) => {
                        const access: Access = tool.effect ?? "default";
                        const saving = setGrant.isPending && setGrant.variables?.tool === tool.key;
                        return (
                          <div
                            key={tool.key}
                            className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
                            data-testid="mcp-grant-row"
                          >
                            <div className="min-w-0">
                              <div className="flex flex-wrap items-center gap-2">
                                <span className="font-medium break-words">{tool.title}</span>
                                {tool.readOnly ? <Badge variant="outline">read-only</Badge> : null}
                                {tool.position ? <Badge variant="outline">position</Badge> : null}
                              </div>
                              <code className="text-xs break-all text-muted-foreground">{tool.name}</code>
                              <p className="text-xs text-muted-foreground">
                                Default: {defaultLabel(tool)} · needs {tool.scopes.join(" or ")}
                              </p>
                            </div>
                            <select
                              aria-label={`Access to ${tool.name}`}
                              className={ACCESS_SELECT}
                              value={access}
                              disabled={saving}
                              onChange={(e) => {
                                const next = e.target.value as Access;
                                setGrant.mutate({
                                  orgId: org.id,
                                  subject,
                                  tool: tool.key,
                                  effect: next === "default" ? null : next,
                                });
                              }}
                            >
                              <option value="default">Default</option>
                              <option value="ALLOW">Allow</option>
                              <option value="HIDE">Hide</option>
                            </select>
                          </div>
                        );
                      })}
                    </CardContent>
                  </Card>
                )}
              </QueryState>
            </div>
          )}
        </QueryState>
      )}
    </div>
  );
}
