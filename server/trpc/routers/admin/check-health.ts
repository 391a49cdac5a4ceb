import "server-only";
import { probeAgent } from "../../../services/registry/probe-agent";
import { ZCheckHealthResponseSchema } from "../sell/check-health.types";
import { adminProcedure } from "../../init";
import { ZAdminCheckHealthRequestSchema } from "./check-health.types";

/** Platform admin: probe a listing under review now (card re-fetch + endpoint call), recorded like any check. */
export const adminCheckHealthProcedure = adminProcedure
  .input(ZAdminCheckHealthRequestSchema)
  .output(ZCheckHealthResponseSchema)
  .mutation(({ input }) => probeAgent({ agentId: input.agentId }));
