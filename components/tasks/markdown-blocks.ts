/**
 * A small markdown reader for agents' answers: headings, paragraphs, lists,
 * code fences, quotes and pipe tables. Enough for what agents send without
 * pulling a markdown library into the bundle; anything else reads as text.
 */
export type MarkdownBlock =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "code"; text: string }
  | { type: "quote"; text: string }
  | { type: "table"; header: string[]; rows: string[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** Cells of a `| a | b |` row; `\|` stays a literal bar. */
export function tableCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  const takeWhile = (test: (line: string) => boolean) => {
    const taken: string[] = [];
    while (i < lines.length && test(lines[i]!)) taken.push(lines[i++]!);
    return taken;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (line.trimStart().startsWith("```")) {
      i++;
      const code = takeWhile((l) => !l.trimStart().startsWith("```"));
      i++; // the closing fence (or the end)
      blocks.push({ type: "code", text: code.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1]!.length, text: heading[2]!.trim() });
      i++;
      continue;
    }
    if (line.trimStart().startsWith("|") && TABLE_SEPARATOR.test(lines[i + 1]?.trim() ?? "")) {
      const header = tableCells(line);
      i += 2;
      const rows = takeWhile((l) => l.trimStart().startsWith("|")).map(tableCells);
      blocks.push({ type: "table", header, rows });
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items = takeWhile((l) => pattern.test(l)).map((l) => pattern.exec(l)![1]!);
      blocks.push({ type: "list", ordered, items });
      continue;
    }
    if (line.trimStart().startsWith(">")) {
      const quote = takeWhile((l) => l.trimStart().startsWith(">")).map((l) => l.trimStart().replace(/^>\s?/, ""));
      blocks.push({ type: "quote", text: quote.join(" ") });
      continue;
    }
    const paragraph = takeWhile(
      (l) =>
        l.trim() !== "" && !HEADING.test(l) && !BULLET.test(l) && !NUMBERED.test(l) && !l.trimStart().startsWith("```"),
    );
    blocks.push({ type: "paragraph", text: paragraph.map((l) => l.trim()).join(" ") });
  }
  return blocks;
}

export type InlineToken =
  | { type: "text"; text: string }
  | { type: "strong"; text: string }
  | { type: "em"; text: string }
  | { type: "code"; text: string }
  | { type: "link"; text: string; href: string };

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|\*[^*\s][^*]*\*|_[^_\s][^_]*_)/;

/** Bold, italics, code and links inside a line. Only http(s) and mailto links become links. */
export function parseInline(text: string): InlineToken[] {
  return text.split(INLINE).flatMap((piece): InlineToken[] => {
    if (!piece) return [];
    if (piece.startsWith("**") && piece.endsWith("**") && piece.length > 4)
      return [{ type: "strong", text: piece.slice(2, -2) }];
    if (piece.startsWith("`") && piece.endsWith("`") && piece.length > 2)
      return [{ type: "code", text: piece.slice(1, -1) }];
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(piece);
    if (link)
      return /^(https?:|mailto:)/i.test(link[2]!)
        ? [{ type: "link", text: link[1]!, href: link[2]! }]
        : [{ type: "text", text: link[1]! }];
    if (/^(\*[^*].*\*|_[^_].*_)$/.test(piece) && piece.length > 2) return [{ type: "em", text: piece.slice(1, -1) }];
    return [{ type: "text", text: piece }];
  });
}
