import "server-only";
import { listGrants } from "../../../services/platform/list-grants";
import { adminProcedure } from "../../init";
import { ZListGrantsRequestSchema, ZListGrantsResponseSchema } from "./list-grants.types";

export const listGrantsProcedure = adminProcedure
  .input(ZListGrantsRequestSchema)
  .output(ZListGrantsResponseSchema)
  .query(({ input }) => listGrants(input));
