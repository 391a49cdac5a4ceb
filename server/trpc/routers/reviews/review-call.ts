import { TRPCError } from "@trpc/server";
import { ReviewError } from "../../../services/reviews/errors";

/** Runs a review service call, turning its ReviewError into the tRPC error of the same code. */
export async function reviewCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ReviewError) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
}
