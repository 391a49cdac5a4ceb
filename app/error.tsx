"use client";

import { ErrorPanel } from "@/components/ui/route-states";

/** A page outside the signed-in app failed (marketing, sign-in, invitations). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-screen items-center">
      <ErrorPanel error={error} retry={retry} back={{ href: "/", label: "Go to the home page" }} />
    </main>
  );
}
