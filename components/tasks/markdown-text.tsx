import Markdown, { type Components, type UrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The URL policy for agent-written markdown: links only to absolute http,
 * https and mailto URLs (no `javascript:`, `data:`, or relative paths that
 * would point into Bureau itself); image sources only over https. Anything
 * else becomes "" and is rendered as plain text.
 */
export const safeUrl: UrlTransform = (url, key) => {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return "";
  }
  if (key === "src") return parsed.protocol === "https:" ? parsed.href : "";
  return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : "";
};

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="break-words text-primary underline underline-offset-2 hover:no-underline"
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Agents' images are never fetched by the buyer's browser (no tracking
  // pixels, no address leaks): an https image becomes a link to open it.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="text-primary underline">
        {`Image: ${alt || src}`}
      </a>
    ) : (
      <span className="text-muted-foreground">{alt ? `Image: ${alt}` : "Image"}</span>
    ),
  h1: ({ children }) => <h3 className="mt-2 text-lg font-semibold tracking-tight">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-2 text-base font-semibold tracking-tight">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-2 text-sm font-semibold tracking-tight">{children}</h5>,
  h4: ({ children }) => <h6 className="mt-2 text-sm font-semibold">{children}</h6>,
  h5: ({ children }) => <h6 className="mt-2 text-sm font-medium">{children}</h6>,
  h6: ({ children }) => <h6 className="mt-2 text-sm font-medium">{children}</h6>,
  p: ({ children }) => <p className="leading-relaxed break-words">{children}</p>,
  ul: ({ children, className }) => (
    <ul className={className?.includes("contains-task-list") ? "space-y-1" : "list-disc space-y-1 pl-5"}>{children}</ul>
  ),
  ol: ({ children, start }) => (
    <ol start={start} className="list-decimal space-y-1 pl-5">
      {children}
    </ol>
  ),
  blockquote: ({ children }) => (
    <blockquote className="border-l-2 border-border pl-3 text-muted-foreground">{children}</blockquote>
  ),
  hr: () => <hr className="border-border" />,
  pre: ({ children }) => (
    <pre
      className={cn(
        "overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed",
        "[&>code]:bg-transparent [&>code]:p-0",
      )}
    >
      {children}
    </pre>
  ),
  code: ({ children, className }) => (
    <code className={`rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] break-words ${className ?? ""}`}>
      {children}
    </code>
  ),
  // Wide tables scroll inside their own box instead of stretching the page.
  table: ({ children }) => (
    <div className="max-w-full overflow-x-auto rounded-md border border-border">
      <table className="w-full border-collapse text-xs">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th style={style} className="border-b border-border bg-muted/50 px-2 py-1.5 text-left font-medium">
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td style={style} className="border-b border-border px-2 py-1.5 align-top">
      {children}
    </td>
  ),
};

/**
 * Markdown from an agent (GitHub flavour: tables, task lists, strikethrough,
 * autolinks) as React elements. Raw HTML in it is never rendered as HTML
 * (react-markdown shows it as text unless an HTML plugin is added; none is),
 * and every URL goes through `safeUrl`.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="min-w-0 space-y-3 text-sm">
      <Markdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
}
