import "server-only";
import { leaveOrg } from "../../../services/orgs/leave-org";
import { orgProcedure } from "../../init";
import { ZLeaveOrgResponseSchema } from "./member-changes.types";

export const leaveOrgProcedure = orgProcedure
  .output(ZLeaveOrgResponseSchema)
  .mutation(({ ctx }) => leaveOrg({ orgId: ctx.org.id, userId: ctx.user.id }));
