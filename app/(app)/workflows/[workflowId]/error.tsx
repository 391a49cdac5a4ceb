"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function WorkflowBuilderError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      what="This workflow"
      back={{ href: "/workflows", label: "All workflows" }}
    />
  );
}
