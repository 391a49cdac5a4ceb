import { CopyButton } from "@/components/ui/copy-button";

/**
 * A code sample with a copy button. Long lines scroll sideways inside the
 * block (never the page): the block is as wide as its column at most.
 */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <div className="relative max-w-full min-w-0 rounded-lg border border-border bg-muted/60">
      <CopyButton value={code} label={`Copy ${label}`} className="absolute top-2 right-2" />
      <pre className="max-h-96 max-w-full overflow-auto p-4 pr-12 text-xs leading-relaxed" data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
