"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { PlugZap } from "lucide-react";
import { formatDate, formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";

/**
 * The apps (MCP clients) the signed-in user connected to Bureau with OAuth,
 * one row per org they chose, and the button that ends a connection: its
 * tokens stop working at once and it must ask again.
 */
export function ConnectedAppsView() {
  const trpc = useTRPC();
  const query = useQuery(trpc.oauthClients.list.queryOptions());
  const disconnect = useMutation(
    trpc.oauthClients.disconnect.mutationOptions({
      onSuccess: () => {
        toast.success("App disconnected.");
        void query.refetch();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <div className="space-y-8">
      <PageHeader
        title="Connected apps"
        description={
          "Apps you allowed to use Bureau as you, such as Claude or your IDE through MCP. " +
          "Each acts in the organization you chose when you connected it."
        }
      />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="space-y-3" aria-label="Loading connected apps">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        }
      >
        {() =>
          query.data!.length === 0 ? (
            <EmptyState
              icon={<PlugZap />}
              title="No connected apps"
              description="When an MCP client such as Claude asks to use Bureau and you allow it, it is listed here."
            />
          ) : (
            <ul className="space-y-3">
              {query.data!.map((app) => (
                <li key={app.id} data-testid="connected-app">
                  <Card>
                    <CardContent className="flex flex-col gap-4 pt-6 sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0 space-y-2">
                        <div className="flex flex-wrap items-baseline gap-x-2">
                          <span className="font-medium break-words">{app.clientName}</span>
                          {app.verifiedHost ? (
                            <span className="text-xs text-muted-foreground">from {app.verifiedHost}</span>
                          ) : null}
                        </div>
                        <p className="text-sm text-muted-foreground">
                          In <span className="font-medium text-foreground">{app.org.name}</span>
                        </p>
                        <div className="flex flex-wrap gap-1">
                          {app.scopes.map((scope) => (
                            <Badge key={scope} variant="outline">
                              {scope}
                            </Badge>
                          ))}
                        </div>
                        <p className="text-xs text-muted-foreground">
                          Connected {formatDate(app.connectedAt)} · Last active{" "}
                          {app.lastActiveAt ? formatRelative(app.lastActiveAt) : "never"}
                        </p>
                      </div>
                      <Button
                        size="sm"
                        variant="outline"
                        className="self-start"
                        loading={disconnect.isPending && disconnect.variables?.connectionId === app.id}
                        onClick={() => {
                          const question = `Disconnect ${app.clientName} from ${app.org.name}?`;
                          if (window.confirm(`${question} It stops working at once and must ask again.`))
                            disconnect.mutate({ connectionId: app.id });
                        }}
                      >
                        Disconnect
                      </Button>
                    </CardContent>
                  </Card>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
