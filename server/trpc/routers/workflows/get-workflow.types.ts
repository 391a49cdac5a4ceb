import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZWorkflowDetailSchema } from "./workflows.types";

export const ZGetWorkflowRequestSchema = z.object({ workflowId: zId });
export const ZGetWorkflowResponseSchema = ZWorkflowDetailSchema;
