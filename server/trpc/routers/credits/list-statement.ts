import "server-only";
import { listStatement } from "../../../services/statements/list-statement";
import { toStatementFilter, ZStatementQuerySchema } from "../../../schemas/statement-filter";
import { orgRoleProcedure } from "../../init";
import { ZListStatementResponseSchema, ZStatementPageRequestSchema } from "./list-statement.types";

/** The org's money line by line, like the purchases list: members and up. */
export const listStatementProcedure = orgRoleProcedure("member")
  .input(ZStatementQuerySchema)
  .input(ZStatementPageRequestSchema)
  .output(ZListStatementResponseSchema)
  .query(({ ctx, input }) =>
    listStatement({
      orgId: ctx.org.id,
      filter: toStatementFilter(input),
      cursor: input.cursor,
      limit: input.limit,
    }),
  );
