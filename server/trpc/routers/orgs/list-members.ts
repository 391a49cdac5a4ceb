import "server-only";
import { listMembers } from "../../../services/orgs/list-members";
import { orgProcedure } from "../../init";
import { ZListMembersResponseSchema } from "./list-members.types";

export const listMembersProcedure = orgProcedure
  .output(ZListMembersResponseSchema)
  .query(({ ctx }) =>
    listMembers({ orgId: ctx.org.id, includeInvitationLinks: ctx.role === "owner" || ctx.role === "admin" }),
  );
