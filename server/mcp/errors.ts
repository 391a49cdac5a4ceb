import "server-only";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { INTERNAL_ERROR_MESSAGE, isDomainError } from "../errors";
import { currentRequestId, logger } from "../logger";

/** MCP's code for a resource that does not exist (resources/read). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * The one mapping of what a handler threw to what an MCP client sees: a
 * DomainError keeps its sentence (and its code in `data.code`), an McpError
 * passes as it is, anything else is a bug: logged, and answered with the
 * generic sentence and the request id (never its own message, where
 * internals live). The SDK would otherwise send any error's message as is.
 */
export function toMcpError(error: unknown, context: Record<string, unknown> = {}): McpError {
  if (error instanceof McpError) return error;
  if (isDomainError(error)) {
    const code =
      error.kind === "invalid_input" || error.kind === "not_found" ? ErrorCode.InvalidParams : ErrorCode.InvalidRequest;
    return new McpError(code, error.message, { code: error.code });
  }
  logger.error({ err: error, ...context }, "MCP request failed");
  return new McpError(ErrorCode.InternalError, INTERNAL_ERROR_MESSAGE, { requestId: currentRequestId() ?? null });
}

/** Runs a handler, answering any failure through toMcpError. */
export async function guarded<T>(context: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toMcpError(error, context);
  }
}
