import "server-only";
import { createTRPCRouter } from "../../init";
import { cancelTaskProcedure } from "./cancel-task";
import { getTaskProcedure } from "./get-task";
import { getTaskTreeProcedure } from "./get-task-tree";
import { listTaskAgentsProcedure } from "./list-task-agents";
import { listTasksProcedure } from "./list-tasks";
import { replyToTaskProcedure } from "./reply-to-task";
import { startTaskProcedure } from "./start-task";

/** A buyer org's runs: start one, follow it, answer it, cancel it. */
export const tasksRouter = createTRPCRouter({
  start: startTaskProcedure,
  list: listTasksProcedure,
  agents: listTaskAgentsProcedure,
  get: getTaskProcedure,
  tree: getTaskTreeProcedure,
  cancel: cancelTaskProcedure,
  reply: replyToTaskProcedure,
});
