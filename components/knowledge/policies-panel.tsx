"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Network } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

/**
 * Per department: whether its agents' reported facts are written at once or
 * wait for review, and whether its tasks are given the most relevant facts.
 * Owners and admins change these; others read them.
 */
export function PoliciesPanel({ orgId, canChange }: { orgId: string; canChange: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const query = useQuery(trpc.knowledge.policies.queryOptions({ orgId }));
  const set = useMutation(
    trpc.knowledge.setPolicy.mutationOptions({
      onSuccess: () => {
        toast.success("Saved.");
        refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() =>
        query.data!.length === 0 ? (
          <EmptyState
            icon={<Network />}
            title="No departments yet"
            description="Create departments under Company first."
          />
        ) : (
          <div className="grid gap-3">
            <p className="text-sm text-muted-foreground">
              When an agent reports facts (a bureau/knowledge part), they are written into its department's knowledge at
              once or wait under Review for a lead. With relevant facts on, the department's tasks are given what the
              company knows about their request.{canChange ? "" : " Owners and admins change these."}
            </p>
            <ul className="grid gap-2" data-testid="policies">
              {query.data!.map((p) => (
                <li
                  key={p.department.id}
                  className={
                    "grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-[minmax(0,1fr)_16rem_auto] sm:items-center"
                  }
                >
                  <span className="font-medium break-words">{p.department.name}</span>
                  <NativeSelect
                    aria-label={`What ${p.department.name}'s agents report`}
                    value={p.ingest}
                    disabled={!canChange || set.isPending}
                    onChange={(e) =>
                      set.mutate({
                        orgId,
                        departmentId: p.department.id,
                        ingest: e.target.value === "AUTO" ? "AUTO" : "REVIEW",
                        attachContext: p.attachContext,
                      })
                    }
                  >
                    <option value="REVIEW">Agents' facts wait for review</option>
                    <option value="AUTO">Agents' facts are written at once</option>
                  </NativeSelect>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={p.attachContext}
                      disabled={!canChange || set.isPending}
                      onChange={(e) =>
                        set.mutate({
                          orgId,
                          departmentId: p.department.id,
                          ingest: p.ingest,
                          attachContext: e.target.checked,
                        })
                      }
                    />
                    Give its tasks relevant facts
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )
      }
    </QueryState>
  );
}
