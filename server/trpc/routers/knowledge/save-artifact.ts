import "server-only";
import { z } from "zod";
import { saveArtifactToKnowledge } from "../../../services/knowledge/save-artifact";
import { orgProcedure } from "../../init";
import { ZSaveArtifactRequestSchema } from "./knowledge-inputs.types";

/** "Save to knowledge" on a task's artifact: provenance is the member, the task, its agent and the artifact. */
export const saveArtifactProcedure = orgProcedure
  .input(ZSaveArtifactRequestSchema)
  .output(z.object({ entityId: z.string(), observationId: z.string(), entityCreated: z.boolean() }))
  .mutation(({ ctx, input: { orgId: _orgId, ...save } }) =>
    saveArtifactToKnowledge({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, ...save }),
  );
