import "server-only";
import type { NodeExecutor } from "../node-context";
import { renderResult } from "./render-result";

/** The run's output (the first top-level output node that succeeded, in canvas order, becomes WorkflowRun.output). */
export const runOutput: NodeExecutor<"output"> = (ctx) => renderResult(ctx);
