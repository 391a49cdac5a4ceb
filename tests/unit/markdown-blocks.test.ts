import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, tableCells } from "@/components/tasks/markdown-blocks";

describe("agent markdown", () => {
  it("reads headings, paragraphs, lists, code, quotes and tables", () => {
    const text = [
      "# Summary",
      "",
      "First line",
      "continues here.",
      "",
      "- one",
      "- two",
      "",
      "1. first",
      "2) second",
      "",
      "```",
      "const x = 1;",
      "```",
      "> quoted",
      "> more",
      "",
      "| # | Text |",
      "| --- | --- |",
      "| 1 | a \\| b |",
    ].join("\n");
    expect(parseMarkdown(text)).toEqual([
      { type: "heading", level: 1, text: "Summary" },
      { type: "paragraph", text: "First line continues here." },
      { type: "list", ordered: false, items: ["one", "two"] },
      { type: "list", ordered: true, items: ["first", "second"] },
      { type: "code", text: "const x = 1;" },
      { type: "quote", text: "quoted more" },
      { type: "table", header: ["#", "Text"], rows: [["1", "a | b"]] },
    ]);
  });

  it("keeps an unterminated code fence and plain pipes as text", () => {
    expect(parseMarkdown("```\nopen")).toEqual([{ type: "code", text: "open" }]);
    expect(parseMarkdown("| not a table")).toEqual([{ type: "paragraph", text: "| not a table" }]);
    expect(tableCells("| a | b |")).toEqual(["a", "b"]);
  });

  it("marks up inline text and links only safe schemes", () => {
    expect(parseInline("**Request:** see `x` and [docs](https://example.com) or *this*")).toEqual([
      { type: "strong", text: "Request:" },
      { type: "text", text: " see " },
      { type: "code", text: "x" },
      { type: "text", text: " and " },
      { type: "link", text: "docs", href: "https://example.com" },
      { type: "text", text: " or " },
      { type: "em", text: "this" },
    ]);
    expect(parseInline("[click](javascript:alert(1))")).not.toContainEqual(expect.objectContaining({ type: "link" }));
  });
});
