import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/server/auth/auth";
import { handle } from "@/server/http/handle";

const handlers = toNextJsHandler(auth);

export const GET = handle((request: Request) => handlers.GET(request));
export const POST = handle((request: Request) => handlers.POST(request));
