import { orgCsvRoute } from "@/server/http/org-csv-route";
import { toStatementFilter, ZStatementQuerySchema } from "@/server/schemas/statement-filter";
import { STATEMENT_CSV_HEADER, statementCsvPages } from "@/server/services/statements/statement-csv";

export const dynamic = "force-dynamic";

/**
 * The org's statement as a CSV download, with the page's filters
 * (`?orgId=…&kind=hold&kind=charge&from=2026-11-01&to=2026-11-30`); members
 * and above, like the page.
 */
export const GET = orgCsvRoute({
  minimumRole: "member",
  forbidden: "Viewers cannot read the statement. Ask an owner or admin for access.",
  fileStem: "bureau-statement",
  header: STATEMENT_CSV_HEADER,
  schema: ZStatementQuerySchema,
  readQuery: (params) => ({
    kinds: params.getAll("kind"),
    from: params.get("from") || null,
    to: params.get("to") || null,
  }),
  pages: ({ orgId, query }) => statementCsvPages({ orgId, filter: toStatementFilter(query) }),
});
