import { TRPCError } from "@trpc/server";
import { TaskRefusal, type TaskRefusalCode } from "../services/tasks/errors";

type TRPCCode = TRPCError["code"];

const CODES: Partial<Record<TaskRefusalCode, TRPCCode>> = {
  // Both are fixed on the Credits page (buy credits, raise the cap).
  insufficient_credits: "PRECONDITION_FAILED",
  budget_exceeded: "PRECONDITION_FAILED",
  forbidden: "FORBIDDEN",
  agent_not_found: "NOT_FOUND",
  task_not_found: "NOT_FOUND",
};

/** The tRPC code for a task refusal; anything not listed is the caller's bad request. */
export const trpcCodeOf = (code: TaskRefusalCode): TRPCCode => CODES[code] ?? "BAD_REQUEST";

/** Runs a task service call, turning a TaskRefusal into a TRPCError carrying its message as is. */
export async function taskCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof TaskRefusal)
      throw new TRPCError({ code: trpcCodeOf(error.code), message: error.message, cause: error });
    throw error;
  }
}
