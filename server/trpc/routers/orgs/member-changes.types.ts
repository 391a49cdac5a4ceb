import { z } from "zod";
import { ORG_ROLES } from "../../../auth/roles";
import { zId } from "../../../schemas/primitives";

export const ZChangeMemberRoleRequestSchema = z.object({ memberId: zId, role: z.enum(ORG_ROLES) });
export const ZChangeMemberRoleResponseSchema = z.object({ changed: z.boolean(), role: z.enum(ORG_ROLES) });

export const ZRemoveMemberRequestSchema = z.object({ memberId: zId });
export const ZRemoveMemberResponseSchema = z.object({ removed: z.literal(true) });

export const ZLeaveOrgResponseSchema = z.object({ left: z.literal(true) });
