import { Fragment } from "react";
import { parseInline, parseMarkdown, type MarkdownBlock } from "./markdown-blocks";

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((token, i) => {
        switch (token.type) {
          case "strong":
            return (
              <strong key={i} className="font-semibold">
                {token.text}
              </strong>
            );
          case "em":
            return <em key={i}>{token.text}</em>;
          case "code":
            return (
              <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]">
                {token.text}
              </code>
            );
          case "link":
            return (
              <a
                key={i}
                href={token.href}
                target="_blank"
                rel="noreferrer noopener nofollow"
                className="text-primary underline-offset-2 hover:underline"
              >
                {token.text}
              </a>
            );
          default:
            return <Fragment key={i}>{token.text}</Fragment>;
        }
      })}
    </>
  );
}

const HEADING_CLASS = ["text-lg font-semibold", "text-base font-semibold", "text-sm font-semibold"];

function Block({ block }: { block: MarkdownBlock }) {
  switch (block.type) {
    case "heading": {
      const Tag = (["h3", "h4", "h5", "h6", "h6", "h6"] as const)[block.level - 1] ?? "h6";
      return (
        <Tag className={`${HEADING_CLASS[block.level - 1] ?? "text-sm font-semibold"} mt-2 tracking-tight`}>
          <Inline text={block.text} />
        </Tag>
      );
    }
    case "list": {
      const Tag = block.ordered ? "ol" : "ul";
      return (
        <Tag className={`${block.ordered ? "list-decimal" : "list-disc"} space-y-1 pl-5`}>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inline text={item} />
            </li>
          ))}
        </Tag>
      );
    }
    case "code":
      return (
        <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed">{block.text}</pre>
      );
    case "quote":
      return (
        <blockquote className="border-l-2 border-border pl-3 text-muted-foreground">
          <Inline text={block.text} />
        </blockquote>
      );
    case "table":
      return (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-xs">
            <thead>
              <tr>
                {block.header.map((cell, i) => (
                  <th key={i} className="border-b border-border px-2 py-1.5 text-left font-medium">
                    {<Inline text={cell} />}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} className="border-b border-border px-2 py-1.5 align-top">
                      <Inline text={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    default:
      return (
        <p className="leading-relaxed">
          <Inline text={block.text} />
        </p>
      );
  }
}

/** Markdown from an agent, rendered as React elements (never as HTML, so nothing in it can run). */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="space-y-3 text-sm">
      {parseMarkdown(text).map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}
