import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZGraphCheckSchema } from "./workflows.types";

export const ZCheckDraftRequestSchema = z.object({ workflowId: zId });
export const ZCheckDraftResponseSchema = ZGraphCheckSchema;
