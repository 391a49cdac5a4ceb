import "server-only";
import type { NodeExecutor } from "../node-context";
import { renderResult } from "./render-result";

/** Text or JSON made from earlier results. */
export const runTransform: NodeExecutor<"transform"> = (ctx) => renderResult(ctx);
