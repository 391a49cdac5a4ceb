import "server-only";
import { removeMember } from "../../../services/orgs/remove-member";
import { orgProcedure } from "../../init";
import { ZRemoveMemberRequestSchema, ZRemoveMemberResponseSchema } from "./member-changes.types";

export const removeMemberProcedure = orgProcedure
  .input(ZRemoveMemberRequestSchema)
  .output(ZRemoveMemberResponseSchema)
  .mutation(({ ctx, input }) =>
    removeMember({ orgId: ctx.org.id, actorUserId: ctx.user.id, memberId: input.memberId }),
  );
