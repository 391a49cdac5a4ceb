import "server-only";
import { searchOrgs } from "../../../services/platform/search-orgs";
import { adminProcedure } from "../../init";
import { ZSearchOrgsRequestSchema, ZSearchOrgsResponseSchema } from "./search-orgs.types";

export const searchOrgsProcedure = adminProcedure
  .input(ZSearchOrgsRequestSchema)
  .output(ZSearchOrgsResponseSchema)
  .query(({ input }) => searchOrgs({ query: input.query }));
