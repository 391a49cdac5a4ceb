import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { handle } from "@/server/http/handle";
import { currentRequestId, logger } from "@/server/logger";
import { createTRPCContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const handler = handle((request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: request.headers, requestId: currentRequestId() }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "tRPC error");
    },
  }),
);

export { handler as GET, handler as POST };
