import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { auth } from "../auth/auth";
import { hasRole, type OrgRole } from "../auth/roles";
import { db } from "../db";
import { DomainError, INTERNAL_ERROR_MESSAGE, type DomainErrorKind } from "../errors";
import { currentRequestId, logger } from "../logger";
import { zId } from "../schemas/primitives";

export async function createTRPCContext(opts: { headers: Headers; requestId?: string }) {
  const session = await auth.api.getSession({ headers: opts.headers });
  return { headers: opts.headers, requestId: opts.requestId, session };
}
export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

/** The tRPC code of each domain error kind; the stable domain code travels in `data.domainCode`. */
export const TRPC_CODE_OF_KIND = {
  invalid_input: "BAD_REQUEST",
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  precondition_failed: "PRECONDITION_FAILED",
  payment_required: "PAYMENT_REQUIRED",
  rate_limited: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
} as const satisfies Record<DomainErrorKind, TRPCError["code"]>;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const domain = error.cause instanceof DomainError ? error.cause : null;
    // Anything not mapped by a procedure (a failing context, tRPC itself)
    // still never shows its own message: that is where internals live.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? INTERNAL_ERROR_MESSAGE : shape.message,
      data: {
        ...shape.data,
        domainCode: domain?.code ?? null,
        details: domain?.details ?? null,
        requestId: ctx?.requestId ?? currentRequestId() ?? null,
        // Field-level messages for forms (input only: an output check failing is our bug). Never a stack.
        zodError: error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        stack: undefined,
      },
    };
  },
});

/**
 * The one place tRPC turns what a procedure threw into what the caller sees:
 * a DomainError becomes the tRPC code of its kind with its own sentence; a
 * TRPCError the procedure chose is kept; anything else is a bug, logged with
 * its details and answered with INTERNAL_ERROR_MESSAGE only (Prisma's
 * messages carry server paths, source excerpts and queries with org ids).
 * The input is read first, even by procedures that take none, so a body over
 * the route's cap is a 413 whichever procedure it names.
 */
const mapErrors = t.middleware(async ({ path, type, getRawInput, next }) => {
  await getRawInput();
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  if (error.cause instanceof DomainError) {
    throw new TRPCError({
      code: TRPC_CODE_OF_KIND[error.cause.kind],
      message: error.cause.message,
      cause: error.cause,
    });
  }
  if (error.code !== "INTERNAL_SERVER_ERROR" || error.message === INTERNAL_ERROR_MESSAGE) throw error;
  logger.error({ err: error.cause ?? error, path, type }, "tRPC procedure failed");
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE, cause: error.cause ?? error });
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Every procedure starts here, so every procedure's errors go through mapErrors. */
export const publicProcedure = t.procedure.use(mapErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new DomainError("unauthenticated", "Sign in to continue.");
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

export const ZOrgInputSchema = z.object({ orgId: zId });

/**
 * Procedures acting on one org. The org comes from validated input and the
 * membership is looked up with the caller's user id in the same query, so an
 * org the caller does not belong to is simply "not found".
 */
export const orgProcedure = protectedProcedure.input(ZOrgInputSchema).use(async ({ ctx, input, next }) => {
  const membership = await db.member.findFirst({
    where: { organizationId: input.orgId, userId: ctx.user.id },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) throw new DomainError("not_found", "Organization not found.");
  return next({ ctx: { ...ctx, org: membership.organization, role: membership.role } });
});

/** An orgProcedure that also requires at least `minimum` role. */
export function orgRoleProcedure(minimum: OrgRole) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.role, minimum)) throw new DomainError("forbidden", `This needs the ${minimum} role or higher.`);
    return next();
  });
}

/**
 * Platform administrators only (user.isPlatformAdmin, read from the database
 * on every call so revoking the flag takes effect at once).
 */
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const user = await db.user.findUnique({ where: { id: ctx.user.id }, select: { isPlatformAdmin: true } });
  if (!user?.isPlatformAdmin) throw new DomainError("forbidden", "Only platform administrators can do this.");
  return next();
});
