"use client";

import type { ReactNode } from "react";
import { useOrg } from "@/components/providers/org-context";
import { EmptyState } from "@/components/ui/empty-state";

/** The org's settings lists that viewers may not see: an explanation for them, the content for everyone else. */
export function ViewerGate({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  const { org } = useOrg();
  if (org.role !== "viewer") return <>{children}</>;
  return (
    <EmptyState
      icon={icon}
      title="Not available to viewers"
      description="Ask an admin of this organization for access."
    />
  );
}
