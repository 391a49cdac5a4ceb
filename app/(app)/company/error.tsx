"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function CompanyError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      what="The company"
      back={{ href: "/dashboard", label: "Go to the dashboard" }}
    />
  );
}
