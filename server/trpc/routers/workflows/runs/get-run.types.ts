import { z } from "zod";
import { zId } from "../../../../schemas/primitives";
import { ZWorkflowRunDetailSchema } from "../workflows.types";

export const ZGetRunRequestSchema = z.object({ runId: zId });
export const ZGetRunResponseSchema = ZWorkflowRunDetailSchema;
