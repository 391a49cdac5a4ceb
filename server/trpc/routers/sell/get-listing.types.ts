export {
  ZAgentIdInputSchema as ZGetListingRequestSchema,
  ZSellerListingSchema as ZGetListingResponseSchema,
} from "./sell.types";
