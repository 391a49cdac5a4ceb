import "server-only";
import { createTRPCRouter } from "../../init";
import { listBudgetsProcedure } from "./list-budgets";
import { setBudgetProcedure } from "./set-budget";

export const budgetsRouter = createTRPCRouter({
  list: listBudgetsProcedure,
  set: setBudgetProcedure,
});
