"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** Re-reads every knowledge query on the page (search, lists, the entity, its graph and history) after a change. */
export function useRefreshKnowledge(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries(trpc.knowledge.pathFilter());
}
