"use client";

import { useQuery } from "@tanstack/react-query";
import { Webhook } from "lucide-react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { ViewerGate } from "@/components/viewer-gate";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateEndpointDialog } from "./create-endpoint-dialog";
import { EndpointCard } from "./endpoint-card";

export function WebhooksView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const canManage = org.role === "owner" || org.role === "admin";
  const query = useQuery({ ...trpc.webhooks.list.queryOptions({ orgId: org.id }), enabled: org.role !== "viewer" });

  return (
    <div className="space-y-8">
      <PageHeader
        title="Webhooks"
        description={
          "Bureau POSTs this organization's events to your endpoints, signed per Standard Webhooks, " +
          "and retries failed deliveries for 24 hours."
        }
        actions={canManage ? <CreateEndpointDialog orgId={org.id} onCreated={() => void query.refetch()} /> : null}
      />
      <ViewerGate icon={<Webhook />}>
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() =>
            query.data!.length === 0 ? (
              <EmptyState
                icon={<Webhook />}
                title="No webhook endpoints yet"
                description={
                  canManage ? "Add one to receive task, credit and member events." : "Admins can add endpoints."
                }
              />
            ) : (
              <div className="space-y-4">
                {query.data!.map((endpoint) => (
                  <EndpointCard
                    key={endpoint.id}
                    orgId={org.id}
                    endpoint={endpoint}
                    canManage={canManage}
                    onChanged={() => void query.refetch()}
                  />
                ))}
              </div>
            )
          }
        </QueryState>
      </ViewerGate>
    </div>
  );
}
