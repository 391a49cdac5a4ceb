import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { auth } from "../auth/auth";
import { hasRole, type OrgRole } from "../auth/roles";
import { db } from "../db";

export async function createTRPCContext(opts: { headers: Headers; requestId?: string }) {
  const session = await auth.api.getSession({ headers: opts.headers });
  return { headers: opts.headers, requestId: opts.requestId, session };
}
export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms; never a stack trace.
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        stack: undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

export const ZOrgInputSchema = z.object({ orgId: z.string().min(1).max(64) });

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
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
  return next({ ctx: { ...ctx, org: membership.organization, role: membership.role } });
});

/** An orgProcedure that also requires at least `minimum` role. */
export function orgRoleProcedure(minimum: OrgRole) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.role, minimum)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minimum} role or higher.` });
    }
    return next();
  });
}

/**
 * Platform administrators only (user.isPlatformAdmin, read from the database
 * on every call so revoking the flag takes effect at once).
 */
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const user = await db.user.findUnique({ where: { id: ctx.user.id }, select: { isPlatformAdmin: true } });
  if (!user?.isPlatformAdmin)
    throw new TRPCError({ code: "FORBIDDEN", message: "Only platform administrators can do this." });
  return next();
});
