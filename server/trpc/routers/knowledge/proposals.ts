import "server-only";
import { z } from "zod";
import { decideProposal } from "../../../services/knowledge/decide-proposal";
import { listProposals } from "../../../services/knowledge/list-proposals";
import { orgProcedure } from "../../init";
import { ZDecideProposalRequestSchema, ZProposalsRequestSchema } from "./knowledge-inputs.types";
import { ZProposalSchema } from "./knowledge.types";

/** Agents' bureau/knowledge parts held for review (or decided ones) that the member may see. */
export const proposalsProcedure = orgProcedure
  .input(ZProposalsRequestSchema)
  .output(z.array(ZProposalSchema))
  .query(({ ctx, input }) =>
    listProposals({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, state: input.state }),
  );

export const decideProposalProcedure = orgProcedure
  .input(ZDecideProposalRequestSchema)
  .output(
    z.object({
      id: z.string(),
      state: z.enum(["ACCEPTED", "REJECTED"]),
      entitiesCreated: z.number().int().optional(),
      observationsAdded: z.number().int().optional(),
      relationsAdded: z.number().int().optional(),
    }),
  )
  .mutation(({ ctx, input }) =>
    decideProposal({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      proposalId: input.id,
      decision: input.decision,
      comment: input.comment,
    }),
  );
