"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { toast } from "@/components/ui/toaster";

/**
 * "New workflow" and "Use template": creates the draft and opens it in the
 * builder. `pendingKey` says which button is working ("blank" or a template id).
 */
export function useCreateWorkflow() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.workflows.create.mutationOptions({
      onSuccess: (workflow) => router.push(`/workflows/${workflow.id}`),
      onError: (error) => toast.error(error.message),
    }),
  );
  const source = create.isPending || create.isSuccess ? create.variables?.source : undefined;
  return {
    blank: () => create.mutate({ orgId: org.id, source: { kind: "blank" } }),
    fromTemplate: (templateId: string) => create.mutate({ orgId: org.id, source: { kind: "template", templateId } }),
    pendingKey: source ? (source.kind === "template" ? source.templateId : source.kind) : null,
  };
}
