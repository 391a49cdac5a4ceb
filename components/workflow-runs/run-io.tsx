import { MarkdownText } from "@/components/tasks/markdown-text";
import { cn } from "@/components/ui/cn";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { isActiveRun } from "./run-format";
import type { RunDetail } from "./run-types";

const BOX = "max-h-80 min-w-0 overflow-auto rounded-lg border border-border bg-muted/30 p-3";

/** A text output (an agent's markdown, as a rule) reads as formatted text; anything else as indented JSON. */
function Value({ value, empty }: { value: unknown; empty: string }) {
  if (value === null || value === undefined || (typeof value === "object" && !Object.keys(value).length))
    return <p className="text-sm text-muted-foreground">{empty}</p>;
  if (typeof value === "string")
    return (
      <div className={BOX}>
        <MarkdownText text={value} />
      </div>
    );
  return (
    <pre className={cn(BOX, "font-mono text-xs break-words whitespace-pre-wrap")}>{JSON.stringify(value, null, 2)}</pre>
  );
}

/** What the run was given and what its output node gave back. */
export function RunIo({ run }: { run: RunDetail }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Input</CardTitle>
        </CardHeader>
        <CardContent data-testid="run-input">
          <Value value={run.input} empty="This run was started with no input." />
        </CardContent>
      </Card>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Output</CardTitle>
        </CardHeader>
        <CardContent data-testid="run-output">
          <Value
            value={run.output}
            empty={
              isActiveRun(run.state)
                ? "The output arrives when the run reaches its output step."
                : "This run produced no output."
            }
          />
        </CardContent>
      </Card>
    </div>
  );
}
