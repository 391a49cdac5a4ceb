"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      what="This admin page"
      back={{ href: "/admin/review", label: "Back to listing review" }}
    />
  );
}
