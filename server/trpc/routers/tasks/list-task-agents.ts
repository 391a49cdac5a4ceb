import "server-only";
import { listOrgTaskAgents } from "../../../services/tasks/list-org-tasks";
import { orgProcedure } from "../../init";
import { ZListTaskAgentsResponseSchema } from "./list-task-agents.types";

/** The agents this org has run (the task list's agent filter). */
export const listTaskAgentsProcedure = orgProcedure
  .output(ZListTaskAgentsResponseSchema)
  .query(({ ctx }) => listOrgTaskAgents({ orgId: ctx.org.id }));
