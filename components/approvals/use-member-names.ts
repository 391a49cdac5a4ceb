"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";

/** The org's members by user id, for "approved by …" and named approvers; empty until loaded. */
export function useMemberNames(orgId: string): Map<string, string> {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.orgs.members.queryOptions({ orgId }), staleTime: 5 * 60_000 });
  return useMemo(() => new Map((query.data?.members ?? []).map((m) => [m.userId, m.name || m.email])), [query.data]);
}
