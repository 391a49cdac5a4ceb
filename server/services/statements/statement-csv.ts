import "server-only";
import type { CsvValue } from "../../http/csv";
import { statementLines, type StatementFilter, type StatementLine } from "./list-statement";

export const STATEMENT_CSV_HEADER = [
  "Date (UTC)",
  "Kind",
  "Description",
  "Task",
  "Purchase",
  "Available change",
  "On hold change",
  "Available after",
  "On hold after",
  "Memo",
];

function description(line: StatementLine): string {
  const ref = line.reference;
  if (ref?.type === "task") return ref.agentName ?? "Task";
  if (ref?.type === "purchase") return `${ref.credits.toLocaleString("en-US")}-credit pack`;
  return line.kind === "grant" ? "Credit grant" : "";
}

export function statementCsvCells(line: StatementLine): CsvValue[] {
  return [
    line.createdAt.toISOString(),
    line.kind ?? "other",
    description(line),
    line.reference?.type === "task" ? line.reference.taskId : null,
    line.reference?.type === "purchase" ? line.reference.purchaseId : null,
    line.available,
    line.held,
    line.availableAfter,
    line.heldAfter,
    line.memo,
  ];
}

/** The statement as CSV rows, a page at a time, newest first like the page. */
export async function* statementCsvPages(input: { orgId: string; filter: StatementFilter }) {
  for await (const lines of statementLines(input)) yield lines.map(statementCsvCells);
}
