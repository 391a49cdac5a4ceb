import { JsonRpcTransportError, TaskNotFoundError } from "@a2a-js/sdk/errors";
import type { TaskRefusalCode } from "../services/tasks/errors";
import { TaskRefusal } from "../services/tasks/errors";

/**
 * Bureau's own JSON-RPC error codes, in the server-defined range and clear
 * of A2A's (-32001 … -32009). Documented in the README.
 */
export const BUREAU_RPC_ERRORS: Record<Exclude<TaskRefusalCode, "task_not_found"> | "rate_limited", number> = {
  rate_limited: -32029,
  insufficient_credits: -32040,
  budget_exceeded: -32041,
  forbidden: -32043,
  agent_not_found: -32044,
  no_matching_agent: -32044,
  agent_unavailable: -32045,
  not_awaiting_input: -32046,
  already_finished: -32047,
  invalid_input: -32602,
};

function rpcError(code: number, message: string, reason: string): JsonRpcTransportError {
  return new JsonRpcTransportError({
    jsonrpc: "2.0",
    id: null,
    error: { code, message, data: [{ "@type": "bureau.dev/ErrorInfo", reason }] },
  });
}

/** Turns a service refusal into the JSON-RPC error the caller sees. */
export function toGatewayError(error: unknown): unknown {
  if (!(error instanceof TaskRefusal)) return error;
  if (error.code === "task_not_found") return new TaskNotFoundError(error.message);
  return rpcError(BUREAU_RPC_ERRORS[error.code], error.message, error.code);
}

export async function mapRefusals<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toGatewayError(error);
  }
}
