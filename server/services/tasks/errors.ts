/**
 * A task the rules refuse to start or change (not a bug). Every door maps
 * `code` to its own error shape (tRPC code, JSON-RPC error, MCP tool error)
 * and shows `message` as is.
 */
export type TaskRefusalCode =
  | "forbidden"
  | "agent_not_found"
  | "agent_unavailable"
  | "insufficient_credits"
  | "budget_exceeded"
  | "task_not_found"
  | "not_awaiting_input"
  | "already_finished"
  | "invalid_input"
  | "no_matching_agent";

export class TaskRefusal extends Error {
  constructor(
    readonly code: TaskRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "TaskRefusal";
  }
}
