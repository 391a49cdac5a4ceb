"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** A signing secret shown once, with a copy button. */
export function SecretReveal({ secret }: { secret: string }) {
  return (
    <div className="flex items-center gap-2 rounded-md border border-border bg-muted p-3">
      <code className="min-w-0 flex-1 break-all font-mono text-sm" data-testid="webhook-secret">
        {secret}
      </code>
      <CopyButton value={secret} label="Copy signing secret" />
    </div>
  );
}
