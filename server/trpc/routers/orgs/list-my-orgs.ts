import "server-only";
import { listMyOrgs } from "../../../services/orgs/list-my-orgs";
import { protectedProcedure } from "../../init";
import { ZListMyOrgsResponseSchema } from "./list-my-orgs.types";

export const listMyOrgsProcedure = protectedProcedure
  .output(ZListMyOrgsResponseSchema)
  .query(({ ctx }) =>
    listMyOrgs({ userId: ctx.user.id, activeOrgId: ctx.session.session.activeOrganizationId ?? null }),
  );
