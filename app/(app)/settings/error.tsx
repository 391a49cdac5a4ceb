"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function SettingsError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      what="This settings page"
      back={{ href: "/dashboard", label: "Go to the dashboard" }}
    />
  );
}
