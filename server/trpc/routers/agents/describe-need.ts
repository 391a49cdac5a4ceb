import "server-only";
import { describeNeed } from "../../../services/registry/describe-need";
import { protectedProcedure } from "../../init";
import { ZDescribeNeedRequestSchema, ZDescribeNeedResponseSchema } from "./describe-need.types";

export const describeNeedProcedure = protectedProcedure
  .input(ZDescribeNeedRequestSchema)
  .output(ZDescribeNeedResponseSchema)
  .query(({ input }) => describeNeed(input));
