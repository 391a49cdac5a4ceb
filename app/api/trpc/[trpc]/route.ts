import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { INTERNAL_ERROR_MESSAGE } from "@/server/errors";
import { BODY_TOO_LARGE_MESSAGE, capRequestBody } from "@/server/http/body-limit";
import { handle } from "@/server/http/handle";
import { currentRequestId, logger } from "@/server/logger";
import { createTRPCContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const handler = handle((request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    // Past 1 MB (announced or streamed) reading the input fails with
    // PAYLOAD_TOO_LARGE, which tRPC answers as 413 in its own error shape.
    req: capRequestBody(request, () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: BODY_TOO_LARGE_MESSAGE })),
    router: appRouter,
    createContext: () => createTRPCContext({ headers: request.headers, requestId: currentRequestId() }),
    onError({ error, path }) {
      // Procedures' own failures are logged by init.ts's mapErrors (their message is already the generic one).
      if (error.code === "INTERNAL_SERVER_ERROR" && error.message !== INTERNAL_ERROR_MESSAGE)
        logger.error({ err: error.cause ?? error, path }, "tRPC error");
    },
  }),
);

export { handler as GET, handler as POST };
