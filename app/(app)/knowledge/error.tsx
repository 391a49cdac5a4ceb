"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function KnowledgeError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      what="Knowledge"
      back={{ href: "/dashboard", label: "Go to the dashboard" }}
    />
  );
}
