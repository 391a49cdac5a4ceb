import { TRPCError } from "@trpc/server";
import { RegistryError } from "../../../services/registry/errors";

/** Runs a registry service call, turning its RegistryError into the tRPC error of the same code. */
export async function withRegistryErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RegistryError) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
}
