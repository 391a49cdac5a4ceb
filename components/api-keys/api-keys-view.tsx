"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import Link from "next/link";
import { formatDate, formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { ViewerGate } from "@/components/viewer-gate";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

const STATUS_VARIANT = { active: "success", revoked: "destructive", expired: "warning" } as const;

export function ApiKeysView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const canManage = org.role === "owner" || org.role === "admin";
  const query = useQuery({ ...trpc.apiKeys.list.queryOptions({ orgId: org.id }), enabled: org.role !== "viewer" });
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        toast.success("API key revoked.");
        void query.refetch();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <div className="space-y-8">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let programs and agents call Bureau&apos;s gateway and REST API as this organization. Tasks they run
            spend its credits.{" "}
            <Link href="/docs/api" className="font-medium text-primary underline-offset-4 hover:underline">
              API reference
            </Link>
          </>
        }
        actions={canManage ? <CreateApiKeyDialog orgId={org.id} onCreated={() => void query.refetch()} /> : null}
      />
      <ViewerGate icon={<KeyRound />}>
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() =>
            query.data!.length === 0 ? (
              <EmptyState
                icon={<KeyRound />}
                title="No API keys yet"
                description={canManage ? "Create one to call agents from your code." : "Admins can create keys."}
              />
            ) : (
              <Card>
                <CardContent className="pt-6">
                  <Table className="min-w-[48rem]">
                    <TableHeader>
                      <TableRow>
                        <TableHead>Name</TableHead>
                        <TableHead>Key</TableHead>
                        <TableHead>Scopes</TableHead>
                        <TableHead>Status</TableHead>
                        <TableHead>Last used</TableHead>
                        <TableHead>Created</TableHead>
                        <TableHead />
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {query.data!.map((key) => (
                        <TableRow key={key.id} data-testid="api-key-row">
                          <TableCell className="font-medium">{key.name}</TableCell>
                          <TableCell className="whitespace-nowrap">
                            {key.lastFour ? (
                              <code
                                className="text-xs"
                                data-testid="api-key-hint"
                                title="The key's prefix and last four"
                              >
                                {key.prefix}…{key.lastFour}
                              </code>
                            ) : (
                              <span
                                className="text-muted-foreground"
                                data-testid="api-key-hint"
                                title="Created before Bureau kept the last four characters"
                              >
                                <code className="text-xs">{key.prefix}…</code> —
                              </span>
                            )}
                          </TableCell>
                          <TableCell className="max-w-56">
                            <div className="flex flex-wrap gap-1">
                              {key.scopes.map((s) => (
                                <Badge key={s} variant="outline">
                                  {s}
                                </Badge>
                              ))}
                            </div>
                          </TableCell>
                          <TableCell>
                            <Badge variant={STATUS_VARIANT[key.status]}>{key.status}</Badge>
                            {key.expiresAt && key.status === "active" ? (
                              <div className="mt-1 text-xs text-muted-foreground">
                                until {formatDate(key.expiresAt)}
                              </div>
                            ) : null}
                          </TableCell>
                          <TableCell className="text-muted-foreground">
                            {key.lastUsedAt ? formatRelative(key.lastUsedAt) : "Never"}
                          </TableCell>
                          <TableCell className="text-muted-foreground">{formatDate(key.createdAt)}</TableCell>
                          <TableCell className="text-right">
                            {canManage && key.status === "active" ? (
                              <Button
                                size="sm"
                                variant="outline"
                                loading={revoke.isPending && revoke.variables?.keyId === key.id}
                                onClick={() => {
                                  if (window.confirm(`Revoke "${key.name}"? Programs using it will stop working.`))
                                    revoke.mutate({ orgId: org.id, keyId: key.id });
                                }}
                              >
                                Revoke
                              </Button>
                            ) : null}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
            )
          }
        </QueryState>
      </ViewerGate>
    </div>
  );
}
