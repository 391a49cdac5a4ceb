"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function KnowledgeEntityError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel error={error} retry={retry} what="This entity" back={{ href: "/knowledge", label: "Knowledge" }} />
  );
}
