import "server-only";
import { listWorkflowVersions } from "../../../services/workflows/list-workflow-versions";
import { orgProcedure } from "../../init";
import { ZListVersionsRequestSchema, ZListVersionsResponseSchema } from "./list-versions.types";

export const listVersionsProcedure = orgProcedure
  .input(ZListVersionsRequestSchema)
  .output(ZListVersionsResponseSchema)
  .query(({ ctx, input }) =>
    listWorkflowVersions({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
