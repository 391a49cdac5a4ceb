import "server-only";
import { exportKnowledge } from "../../../services/knowledge/export-knowledge";
import { importKnowledge } from "../../../services/knowledge/import-knowledge";
import { ZKnowledgeDocumentShape } from "../../../services/knowledge/knowledge-document.types";
import { orgProcedure } from "../../init";
import { ZImportRequestSchema } from "./knowledge-inputs.types";
import { ZCountsSchema } from "./knowledge.types";

/** The graph the member sees, as the JSON document the import reads. */
export const exportProcedure = orgProcedure
  .output(ZKnowledgeDocumentShape)
  .query(({ ctx }) => exportKnowledge({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }));

export const importProcedure = orgProcedure
  .input(ZImportRequestSchema)
  .output(ZCountsSchema.required())
  .mutation(({ ctx, input }) =>
    importKnowledge({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, document: input.document }),
  );
