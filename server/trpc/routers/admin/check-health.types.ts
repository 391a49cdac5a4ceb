import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZAdminCheckHealthRequestSchema = z.object({ agentId: zId });
