import "server-only";
import { createTRPCRouter } from "../../init";
import { archiveDepartmentProcedure, unarchiveDepartmentProcedure } from "./archive-department";
import { chartProcedure } from "./chart";
import { createDepartmentProcedure } from "./create-department";
import { departmentProcedure } from "./department";
import { departmentTasksProcedure } from "./department-tasks";
import { hireProcedure } from "./hire";
import { membersProcedure } from "./members";
import { moveDepartmentProcedure } from "./move-department";
import { movePositionProcedure } from "./move-position";
import { endPositionProcedure, pausePositionProcedure, resumePositionProcedure } from "./position-status";
import { setDepartmentBudgetProcedure } from "./set-department-budget";
import { setLeadsProcedure } from "./set-leads";
import { updateDepartmentProcedure } from "./update-department";
import { updatePositionProcedure } from "./update-position";
import { askProcedure, requestProcedure, savePlanProcedure } from "../requests/requests";

/**
 * The company (issue 13): departments, their leads and budgets, and hiring.
 * Every member reads (viewers included); owners and admins change (the
 * services check the role, so REST and the seed are held to the same rule).
 */
export const companyRouter = createTRPCRouter({
  chart: chartProcedure,
  department: departmentProcedure,
  departmentTasks: departmentTasksProcedure,
  members: membersProcedure,
  createDepartment: createDepartmentProcedure,
  updateDepartment: updateDepartmentProcedure,
  moveDepartment: moveDepartmentProcedure,
  archiveDepartment: archiveDepartmentProcedure,
  unarchiveDepartment: unarchiveDepartmentProcedure,
  setLeads: setLeadsProcedure,
  setDepartmentBudget: setDepartmentBudgetProcedure,
  hire: hireProcedure,
  updatePosition: updatePositionProcedure,
  pausePosition: pausePositionProcedure,
  resumePosition: resumePositionProcedure,
  movePosition: movePositionProcedure,
  endPosition: endPositionProcedure,
  /** Requests to a department or the whole company (the lead's: server/trpc/routers/requests). */
  ask: askProcedure,
  request: requestProcedure,
  savePlan: savePlanProcedure,
});
