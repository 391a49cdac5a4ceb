import "server-only";
import type { CsvValue } from "../../http/csv";
import { auditLogRows, type AuditLogFilter, type AuditLogRow } from "./list-audit-log";

export const AUDIT_CSV_HEADER = [
  "Id",
  "Date (UTC)",
  "Action",
  "Summary",
  "Actor",
  "Actor email",
  "Target",
  "Data",
  "Hash",
];

export function auditCsvCells(row: AuditLogRow): CsvValue[] {
  return [
    row.id,
    row.createdAt.toISOString(),
    row.action,
    row.summary,
    row.actor?.name ?? "Bureau",
    row.actor?.email ?? null,
    row.target,
    JSON.stringify(row.data),
    row.hash,
  ];
}

/** The audit log as CSV rows, newest first like the page. */
export async function* auditCsvPages(input: { orgId: string; filter: AuditLogFilter }) {
  for await (const rows of auditLogRows(input)) yield rows.map(auditCsvCells);
}
