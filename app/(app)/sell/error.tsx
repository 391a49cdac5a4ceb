"use client";

import { ErrorPanel } from "@/components/ui/route-states";

export default function SellError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel error={error} retry={retry} what="This part of Sell" back={{ href: "/sell", label: "Back to Sell" }} />
  );
}
