import "server-only";
import { createTRPCRouter } from "../../init";
import { approveListingProcedure } from "./approve-listing";
import { adminCheckHealthProcedure } from "./check-health";
import { rejectListingProcedure } from "./reject-listing";
import { reviewQueueProcedure } from "./review-queue";
import { suspendListingProcedure } from "./suspend-listing";

/** Platform admins' listing review. */
export const adminRouter = createTRPCRouter({
  reviewQueue: reviewQueueProcedure,
  approve: approveListingProcedure,
  reject: rejectListingProcedure,
  suspend: suspendListingProcedure,
  checkHealth: adminCheckHealthProcedure,
});
