import "server-only";
import { askDepartment } from "../../../services/company/requests/ask-department";
import { getRequestView, savePlanAsWorkflow } from "../../../services/company/requests/request-view";
import { orgProcedure } from "../../init";
import {
  ZAskRequestSchema,
  ZAskResponseSchema,
  ZRequestViewRequestSchema,
  ZSavePlanRequestSchema,
  ZSavePlanResponseSchema,
} from "./requests.types";

/** "Ask this department" / "Ask the company": a request its manager routes or plans. */
export const askProcedure = orgProcedure
  .input(ZAskRequestSchema)
  .output(ZAskResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const task = await askDepartment({
      orgId: ctx.org.id,
      departmentSlug: input.departmentSlug,
      message: { messageId: input.messageId, role: "user", parts: [{ kind: "text", text: input.text }] },
      actor: { kind: "user", userId: ctx.user.id },
      source: "UI",
    });
    return { taskId: task.id };
  });

/** The manager's decision on a request, its plan's run and what waits for people (the task page's plan panel). */
export const requestProcedure = orgProcedure
  .input(ZRequestViewRequestSchema)
  .query(({ ctx, input }) => getRequestView(ctx.org.id, input.taskId));

/** Keeps the plan as a workflow draft. */
export const savePlanProcedure = orgProcedure
  .input(ZSavePlanRequestSchema)
  .output(ZSavePlanResponseSchema)
  .mutation(({ ctx, input }) =>
    savePlanAsWorkflow({
      taskId: input.taskId,
      name: input.name,
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
    }),
  );
