import { FileText, Loader2 } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ArtifactSaveButton } from "@/components/knowledge/save-to-knowledge";
import { partsText, type PartView } from "@/server/schemas/task-event-view";
import { MarkdownText } from "./markdown-text";
import type { ArtifactView } from "./merge-events";

export type { ArtifactView };

function Part({ part }: { part: PartView }) {
  if (part.kind === "text") return <MarkdownText text={part.text} />;
  if (part.kind === "data") {
    return (
      <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed">
        {JSON.stringify(part.data, null, 2)}
      </pre>
    );
  }
  const label = part.filename ?? part.url ?? "File";
  // Only web links are clickable: an agent's file URL must not run script in our page.
  return part.url && /^https?:\/\//i.test(part.url) ? (
    <a
      href={part.url}
      target="_blank"
      rel="noreferrer noopener nofollow"
      className="text-sm text-primary hover:underline"
    >
      {label}
    </a>
  ) : (
    <p className="text-sm text-muted-foreground">
      {label}
      {part.mediaType ? ` (${part.mediaType})` : ""}
    </p>
  );
}

/**
 * What the agent delivered, each artifact in its current (merged) form, growing while it streams.
 * With a taskId, a finished artifact can be saved to knowledge.
 */
export function TaskArtifacts({
  artifacts,
  running,
  taskId,
}: {
  artifacts: ArtifactView[];
  running: boolean;
  taskId?: string;
}) {
  if (artifacts.length === 0) {
    return (
      <EmptyState
        icon={<FileText />}
        title={running ? "Nothing delivered yet" : "No results"}
        description={running ? "Results appear here as the agent sends them." : "The agent did not send any artifact."}
      />
    );
  }
  return (
    <div className="space-y-4">
      {artifacts.map((artifact) => (
        <Card
          key={artifact.artifactId}
          data-testid="artifact"
          data-complete={running && artifact.complete === false ? "false" : "true"}
        >
          <CardHeader className="flex-row items-start justify-between gap-3">
            <div className="grid min-w-0 gap-1">
              <CardTitle className="flex items-center gap-2">
                {artifact.name ?? "Result"}
                {running && artifact.complete === false ? (
                  <span className="inline-flex items-center gap-1 text-xs font-normal text-muted-foreground">
                    <Loader2 className="size-3 animate-spin" aria-hidden />
                    Receiving…
                  </span>
                ) : null}
              </CardTitle>
              {artifact.description ? <CardDescription>{artifact.description}</CardDescription> : null}
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-1">
              {taskId && !running ? <ArtifactSaveButton taskId={taskId} artifact={artifact} /> : null}
              {partsText(artifact.parts) ? <CopyButton value={partsText(artifact.parts)} label="Copy text" /> : null}
            </div>
          </CardHeader>
          <CardContent className="min-w-0 space-y-4">
            {artifact.parts.map((part, i) => (
              <Part key={i} part={part} />
            ))}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
