"use client";

import { ErrorPanel } from "@/components/ui/route-states";

/** A signed-in page failed: the app shell stays, so the navigation still works. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} back={{ href: "/dashboard", label: "Go to the dashboard" }} />;
}
