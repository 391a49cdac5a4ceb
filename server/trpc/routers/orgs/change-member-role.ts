import "server-only";
import { changeMemberRole } from "../../../services/orgs/change-member-role";
import { orgProcedure } from "../../init";
import { ZChangeMemberRoleRequestSchema, ZChangeMemberRoleResponseSchema } from "./member-changes.types";

/**
 * Who may change which role is decided by the service, under the org's lock
 * (the caller's role may be changing too).
 */
export const changeMemberRoleProcedure = orgProcedure
  .input(ZChangeMemberRoleRequestSchema)
  .output(ZChangeMemberRoleResponseSchema)
  .mutation(({ ctx, input }) =>
    changeMemberRole({ orgId: ctx.org.id, actorUserId: ctx.user.id, memberId: input.memberId, role: input.role }),
  );
