import "server-only";
import { listBudgets } from "../../../services/budgets/list-budgets";
import { orgProcedure } from "../../init";
import { ZListBudgetsResponseSchema } from "./list-budgets.types";

export const listBudgetsProcedure = orgProcedure
  .output(ZListBudgetsResponseSchema)
  .query(({ ctx }) => listBudgets({ orgId: ctx.org.id }));
