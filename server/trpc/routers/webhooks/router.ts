import "server-only";
import { createTRPCRouter } from "../../init";
import { createEndpointProcedure } from "./create-endpoint";
import { deleteEndpointProcedure } from "./delete-endpoint";
import { listDeliveriesProcedure } from "./list-deliveries";
import { listEndpointsProcedure } from "./list-endpoints";
import { replayDeliveryProcedure } from "./replay-delivery";
import { rotateSecretProcedure } from "./rotate-secret";
import { sendTestProcedure } from "./send-test";
import { updateEndpointProcedure } from "./update-endpoint";

/** Outbound webhooks: members read, admins change (issue 11 §3). */
export const webhooksRouter = createTRPCRouter({
  list: listEndpointsProcedure,
  create: createEndpointProcedure,
  update: updateEndpointProcedure,
  delete: deleteEndpointProcedure,
  rotateSecret: rotateSecretProcedure,
  deliveries: listDeliveriesProcedure,
  replay: replayDeliveryProcedure,
  sendTest: sendTestProcedure,
});
