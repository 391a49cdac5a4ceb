"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** Re-reads every company query on the page (chart, department, staff, runs) after a change. */
export function useRefreshCompany(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries(trpc.company.pathFilter());
}
