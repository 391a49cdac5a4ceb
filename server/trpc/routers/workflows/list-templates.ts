import "server-only";
import { listWorkflowTemplates } from "../../../services/workflows/list-workflow-templates";
import { orgProcedure } from "../../init";
import { ZListTemplatesResponseSchema } from "./list-templates.types";

/** The gallery; under an org like every builder call, so the page needs no second kind of request. */
export const listTemplatesProcedure = orgProcedure
  .output(ZListTemplatesResponseSchema)
  .query(() => listWorkflowTemplates());
