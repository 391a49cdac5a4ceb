import "server-only";
import { createTRPCRouter } from "../../init";
import { getAgentQualityProcedure } from "./get-agent-quality";

/** Quality metrics measured from real tasks. */
export const qualityRouter = createTRPCRouter({
  agent: getAgentQualityProcedure,
});
