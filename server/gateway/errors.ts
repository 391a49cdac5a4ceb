import "server-only";
import { A2AError, JsonRpcTransportError, RequestMalformedError, TaskNotFoundError } from "@a2a-js/sdk/errors";
import { isDomainError, type DomainError, type DomainErrorCode, type DomainErrorKind } from "../errors";
import { logger } from "../logger";
import { internalRpcError } from "../a2a/json-rpc-endpoint";

/**
 * The one place the A2A door turns a service's DomainError into a JSON-RPC
 * error. Bureau's own codes sit in the server-defined range, clear of A2A's
 * (-32001 … -32009); the README's gateway section documents this table.
 *
 * | code   | meaning                                             | HTTP (door-level answers) |
 * | ------ | --------------------------------------------------- | ------------------------- |
 * | -32001 | task (or push config) not found (A2A's own code)     | 200                       |
 * | -32029 | rate limited                                         | 429 + Retry-After         |
 * | -32040 | insufficient credits                                 | 200                       |
 * | -32041 | over a monthly budget                                | 200                       |
 * | -32042 | missing, malformed, revoked or expired API key       | 401                       |
 * | -32043 | the key lacks the scope the method needs / forbidden | 403                       |
 * | -32044 | no such agent (or none matches, for the concierge)   | 404 for an unknown slug   |
 * | -32045 | the agent is unavailable                             | 200                       |
 * | -32046 | the task is not waiting for input                    | 200                       |
 * | -32047 | the task already ended                               | 200                       |
 * | -32048 | another precondition or conflict                     | 200                       |
 * | -32049 | a delegated task exceeds its tree's delegated budget | 200                       |
 * | -32050 | a delegation chain would be deeper than 5            | 200                       |
 * | -32051 | a delegation would call an agent already up its chain | 200                      |
 * | -32052 | an expired, forged or ended delegation grant         | 401                       |
 * | -32602 | invalid params, including a messageId reused for another agent | 200             |
 */
export const BUREAU_RPC_ERRORS = {
  rate_limited: -32029,
  insufficient_credits: -32040,
  budget_exceeded: -32041,
  unauthenticated: -32042,
  forbidden: -32043,
  agent_not_found: -32044,
  agent_unavailable: -32045,
  not_awaiting_input: -32046,
  already_finished: -32047,
  precondition_failed: -32048,
  delegation_budget_exceeded: -32049,
  delegation_depth_exceeded: -32050,
  delegation_cycle: -32051,
  grant_invalid: -32052,
} as const;

const BY_CODE: Partial<Record<DomainErrorCode, number>> = {
  ...BUREAU_RPC_ERRORS,
  missing_scope: BUREAU_RPC_ERRORS.forbidden,
  no_matching_agent: BUREAU_RPC_ERRORS.agent_not_found,
  message_id_reused: -32602,
  invalid_input: -32602,
};

/** Codes added to server/errors.ts later still get a sensible answer from their kind. */
const BY_KIND: Record<Exclude<DomainErrorKind, "not_found">, number> = {
  invalid_input: -32602,
  unauthenticated: BUREAU_RPC_ERRORS.unauthenticated,
  forbidden: BUREAU_RPC_ERRORS.forbidden,
  conflict: BUREAU_RPC_ERRORS.precondition_failed,
  precondition_failed: BUREAU_RPC_ERRORS.precondition_failed,
  payment_required: BUREAU_RPC_ERRORS.insufficient_credits,
  rate_limited: BUREAU_RPC_ERRORS.rate_limited,
  unavailable: BUREAU_RPC_ERRORS.agent_unavailable,
};

/** HTTP statuses for the errors the door answers itself, before the SDK. */
export const HTTP_STATUS_OF: Partial<Record<number, number>> = {
  [BUREAU_RPC_ERRORS.unauthenticated]: 401,
  [BUREAU_RPC_ERRORS.grant_invalid]: 401,
  [BUREAU_RPC_ERRORS.forbidden]: 403,
  [BUREAU_RPC_ERRORS.agent_not_found]: 404,
  [BUREAU_RPC_ERRORS.rate_limited]: 429,
};

export function rpcCodeOf(error: DomainError): number | "task_not_found" {
  if (error.code === "task_not_found" || (error.kind === "not_found" && !(error.code in BY_CODE)))
    return "task_not_found";
  return BY_CODE[error.code] ?? BY_KIND[error.kind as Exclude<DomainErrorKind, "not_found">] ?? -32602;
}

/** A Bureau JSON-RPC error: the code, the service's sentence, and its stable reason for clients to branch on. */
export function bureauRpcError(code: number, message: string, reason: string, details?: object): JsonRpcTransportError {
  return new JsonRpcTransportError({
    jsonrpc: "2.0",
    id: null,
    error: { code, message, data: [{ "@type": "bureau.dev/ErrorInfo", reason, ...details }] },
  });
}

/**
 * What the caller sees for anything thrown inside a method: a DomainError
 * as its code and sentence, the SDK's own A2A errors as they are, and
 * anything else (a bug: Prisma, TypeError…) as -32603 with a generic
 * sentence and the request id, the details going to the log only.
 */
export function toGatewayError(error: unknown, context: Record<string, unknown> = {}): A2AError {
  if (isDomainError(error)) {
    const code = rpcCodeOf(error);
    if (code === "task_not_found") return new TaskNotFoundError(error.message);
    if (code === -32602) return new RequestMalformedError({ message: error.message, metadata: { reason: error.code } });
    return bureauRpcError(code, error.message, error.code, error.details);
  }
  if (error instanceof A2AError) return error;
  logger.error({ err: error, ...context }, "gateway method failed");
  return new JsonRpcTransportError({ jsonrpc: "2.0", id: null, error: internalRpcError() });
}
