import "server-only";
/**
 * CSV for exports (RFC 4180, CRLF, UTF-8 with a byte order mark so
 * spreadsheet apps read non-ASCII names right).
 *
 * Text cells starting with =, +, -, @, tab or carriage return get a leading
 * apostrophe, so a spreadsheet shows them as text instead of running them
 * as a formula (OWASP "CSV injection"). Numbers are written by us from
 * integers and stay numbers: "-250" is a value, not a formula.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: CsvValue[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** A file name safe in a Content-Disposition header: letters, digits, dots and dashes only. */
export function csvFileName(...parts: string[]): string {
  const base = parts
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[^a-z0-9.]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
  return `${base || "export"}.csv`;
}

/**
 * Streams rows as they are read (pages of rows from an async generator), so
 * a long export never sits whole in memory; an abort by the client stops
 * the reads.
 */
export function csvResponse(fileName: string, header: string[], pages: AsyncIterable<CsvValue[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
