import "server-only";
import { DomainError } from "../../../errors";
import { getPublishedAgentQuality } from "../../../services/quality/agent-quality";
import { protectedProcedure } from "../../init";
import { ZGetAgentQualityRequestSchema, ZGetAgentQualityResponseSchema } from "./get-agent-quality.types";

/** A published agent's measured quality (every buyer's finished tasks), for its page. */
export const getAgentQualityProcedure = protectedProcedure
  .input(ZGetAgentQualityRequestSchema)
  .output(ZGetAgentQualityResponseSchema)
  .query(async ({ input }) => {
    const quality = await getPublishedAgentQuality({ slug: input.slug });
    if (!quality) throw new DomainError("agent_not_found", "No published agent has that address.");
    return quality;
  });
