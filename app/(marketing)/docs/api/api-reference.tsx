"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/spinner";

/** Scalar builds its page in the browser (it touches `window` as it loads): it never renders on the server. */
const ScalarReference = dynamic(() => import("./scalar-reference").then((m) => m.ScalarReference), {
  ssr: false,
  loading: () => (
    <div className="flex min-h-[60vh] items-center justify-center gap-3 text-sm text-muted-foreground">
      <Spinner label={null} /> Loading the API reference…
    </div>
  ),
});

export function ApiReference({ documentUrl }: { documentUrl: string }) {
  return <ScalarReference documentUrl={documentUrl} />;
}
