import "server-only";
import { listMembers } from "../../../services/orgs/list-members";
import { orgProcedure } from "../../init";
import { ZMembersResponseSchema } from "./company.types";

/** The org's members, for the leads picker (no invitations, no links). */
export const membersProcedure = orgProcedure.output(ZMembersResponseSchema).query(async ({ ctx }) => {
  const { members } = await listMembers({ orgId: ctx.org.id, includeInvitationLinks: false });
  return members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role }));
});
