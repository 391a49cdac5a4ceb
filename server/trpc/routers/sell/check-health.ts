import "server-only";
import { DomainError } from "../../../errors";
import { db } from "../../../db";
import { probeAgent } from "../../../services/registry/probe-agent";
import { orgRoleProcedure } from "../../init";
import { ZCheckHealthRequestSchema, ZCheckHealthResponseSchema } from "./check-health.types";

/** Seller: probe the listing now instead of waiting for the next scheduled check. */
export const checkHealthProcedure = orgRoleProcedure("admin")
  .input(ZCheckHealthRequestSchema)
  .output(ZCheckHealthResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const own = await db.agent.findFirst({ where: { id: input.agentId, orgId: ctx.org.id }, select: { id: true } });
    if (!own) throw new DomainError("agent_not_found", "Listing not found.");
    return probeAgent({ agentId: own.id });
  });
