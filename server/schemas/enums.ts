/**
 * The database enums the browser may name. Client code imports them from
 * here, never from the generated Prisma client.
 */
export type { AgentStatus, TaskSource, TaskState } from "../generated/prisma/enums";
