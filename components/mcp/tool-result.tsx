"use client";

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CircleX } from "lucide-react";
import { MarkdownText } from "@/components/tasks/markdown-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

type Content = CallToolResult["content"][number];

function ContentItem({ item }: { item: Content }) {
  if (item.type === "text") return <MarkdownText text={item.text} />;
  if (item.type === "resource") {
    const resource = item.resource;
    const text = "text" in resource ? resource.text : null;
    return (
      <figure className="min-w-0 space-y-2 rounded-lg border border-border p-3" data-testid="mcp-result-resource">
        <figcaption className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted-foreground">
          <code className="break-all">{resource.uri}</code>
          <span>{resource.mimeType}</span>
        </figcaption>
        {text === null ? (
          <p className="text-sm text-muted-foreground">Binary content.</p>
        ) : resource.mimeType === "text/markdown" ? (
          <MarkdownText text={text} />
        ) : (
          <pre className="max-h-80 overflow-auto text-xs">{text}</pre>
        )}
      </figure>
    );
  }
  return <p className="text-sm text-muted-foreground">A {item.type} item.</p>;
}

/** What a tool answered: its text, its embedded resources and its structured content. */
export function ToolResult({ result }: { result: CallToolResult }) {
  const [first, ...rest] = result.content;
  return (
    <div className="min-w-0 space-y-3" data-testid="mcp-result">
      {result.isError ? (
        <Alert variant="destructive" icon={<CircleX />}>
          <AlertTitle>The tool reported an error</AlertTitle>
          <AlertDescription>{first?.type === "text" ? first.text : "See the content below."}</AlertDescription>
        </Alert>
      ) : null}
      {(result.isError && first?.type === "text" ? rest : result.content).map((item, index) => (
        <ContentItem key={index} item={item} />
      ))}
      {result.structuredContent ? (
        <details className="rounded-lg border border-border">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Structured content</summary>
          <pre
            className="max-h-96 overflow-auto border-t border-border p-3 text-xs"
            data-testid="mcp-result-structured"
          >
            {JSON.stringify(result.structuredContent, null, 2)}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
