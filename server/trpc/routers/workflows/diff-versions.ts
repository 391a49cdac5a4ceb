import "server-only";
import { getVersionDiff } from "../../../services/workflows/get-version-diff";
import { orgProcedure } from "../../init";
import { ZDiffVersionsRequestSchema, ZDiffVersionsResponseSchema } from "./diff-versions.types";

export const diffVersionsProcedure = orgProcedure
  .input(ZDiffVersionsRequestSchema)
  .output(ZDiffVersionsResponseSchema)
  .query(({ ctx, input }) =>
    getVersionDiff({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
