import "server-only";
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins/organization";
import { db } from "../db";
import { appUrl, env } from "../env";
import { logger } from "../logger";
import { clientIpHeader } from "../net/client-address";
import { announceOrgEvents } from "../services/events/event-transaction";
import { sendPasswordResetEmail, sendVerificationEmail } from "./account-emails";
import { authDatabase } from "./auth-database";
import { sendInvitationEmail } from "./invitation-email";
import { mcpOAuthHooks, mcpOAuthProvider } from "./mcp-oauth-provider";
import { ac, roles } from "./roles";

export const API_KEY_PREFIX = "bureau_";

/**
 * better-auth logs some refusals of the caller's input at error level (an
 * invalid API key is "Failed to validate API key" with a 401 APIError). A
 * refusal answered with a 4xx is the caller's mistake, not a server fault:
 * it is logged at info, so error logs stay for what needs a look.
 */
export function betterAuthLogLevel(level: string, args: unknown[]): "error" | "warn" | "info" | "debug" {
  const refusal = args.some((arg) => {
    const status = (arg as { statusCode?: unknown } | null)?.statusCode;
    return typeof status === "number" && status >= 400 && status < 500;
  });
  if (level === "error" || level === "warn") return refusal ? "info" : level;
  return "debug";
}

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Origins allowed to sign in, sign up and change a session. In production
 * APP_URL only. Elsewhere, when APP_URL is on this machine, every loopback
 * spelling of its port too: `npm run dev` prints http://localhost:PORT, and
 * http://127.0.0.1:PORT is as commonly typed. The browser client calls the
 * origin it was loaded from (components/auth/auth-client.ts sets no baseURL),
 * and session cookies are host-only, so each spelling keeps its own session.
 */
export function authTrustedOrigins(nodeEnv: string, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  if (nodeEnv === "production" || !LOOPBACK_HOSTS.includes(base.hostname)) return [base.origin];
  return [
    base.origin,
    ...LOOPBACK_HOSTS.map((host) => `${base.protocol}//${host}${base.port ? `:${base.port}` : ""}`),
  ].filter((origin, i, all) => all.indexOf(origin) === i);
}

export const auth = betterAuth({
  appName: "Bureau",
  baseURL: appUrl(),
  secret: env.BETTER_AUTH_SECRET,
  trustedOrigins: authTrustedOrigins(env.NODE_ENV, appUrl()),
  database: prismaAdapter(authDatabase, { provider: "postgresql" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
    resetPasswordTokenExpiresIn: 60 * 60,
    // A reset is often because someone else knows the password: end every session.
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, url }) => sendPasswordResetEmail({ email: user.email, name: user.name, url }),
  },
  // Sent on sign-up; not required to sign in (so the seeded demo users and invited members are never locked out).
  emailVerification: {
    sendOnSignUp: true,
    autoSignInAfterVerification: true,
    expiresIn: 60 * 60,
    sendVerificationEmail: async ({ user, url }) => sendVerificationEmail({ email: user.email, name: user.name, url }),
  },
  user: {
    additionalFields: {
      isPlatformAdmin: { type: "boolean", required: false, defaultValue: false, input: false },
    },
  },
  // better-auth's messages go through pino (and its redaction) like ours.
  logger: {
    log: (level, message, ...args) => {
      const context = { source: "better-auth", detail: args.length ? args : undefined };
      const effective = betterAuthLogLevel(level, args);
      if (effective === "error") logger.error(context, message);
      else if (effective === "warn") logger.warn(context, message);
      else if (effective === "info") logger.info(context, message);
      else logger.debug(context, message);
    },
  },
  // better-auth enables this in production only; keep it on everywhere real.
  rateLimit: {
    enabled: env.AUTH_RATE_LIMIT === "on",
    window: 60,
    max: 100,
    customRules: { "/sign-in/email": { window: 60, max: 10 }, "/sign-up/email": { window: 60, max: 5 } },
  },
  advanced: {
    // The client IP our request hook resolved from the socket and
    // TRUSTED_PROXIES (server/net/client-address.ts), one address in a header
    // no client can send. better-auth's own `trustedProxies` stays unset: it
    // would re-walk that single value, and the default X-Forwarded-For is
    // whatever the client wrote (Next does not append the socket address).
    ipAddress: { ipAddressHeaders: [clientIpHeader()] },
    // better-auth turns its Origin/CSRF check off by itself when NODE_ENV is
    // "test"; tests must meet the check that production runs.
    disableOriginCheck: false,
  },
  session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
  databaseHooks: {
    session: {
      create: {
        // A new session starts in the user's first org, so every signed-in
        // page has an active org without an extra round trip.
        before: async (session) => {
          const membership = await db.member.findFirst({
            where: { userId: session.userId },
            orderBy: { createdAt: "asc" },
            select: { organizationId: true },
          });
          return { data: { ...session, activeOrganizationId: membership?.organizationId ?? null } };
        },
      },
    },
  },
  // Role changes, removals and leaving go through Bureau's members service
  // (server/services/orgs/), which locks the org so the last owner can never
  // be demoted or leave, and audits each change. better-auth's own endpoints
  // for them check owners with a read-then-write, so they are switched off.
  // Keys are disabled only by Bureau's revoke (server/services/api-keys/),
  // which notifies every process's key cache; the plugin's update and delete
  // endpoints would not, so they are switched off too.
  disabledPaths: [
    "/organization/update-member-role",
    "/organization/remove-member",
    "/organization/leave",
    "/api-key/update",
    "/api-key/delete",
    // OAuth connections end through Bureau's disconnect (server/auth/connected-apps.ts),
    // which also revokes the client's tokens; the plugin's consent edits would not
    // (and an edited consent could widen scopes without the consent screen).
    "/oauth2/update-consent",
    "/oauth2/delete-consent",
  ],
  plugins: [
    organization({
      ac,
      roles,
      creatorRole: "owner",
      invitationExpiresIn: 60 * 60 * 24 * 7,
      cancelPendingInvitationsOnReInvite: true,
      // Invitations and members are written by better-auth, and their org
      // events by database triggers in the same statements; announcing them
      // after the write wakes other processes' streams through Redis too.
      organizationHooks: {
        afterCreateOrganization: ({ organization }) => announceOrgEvents(organization.id),
        afterAddMember: ({ organization }) => announceOrgEvents(organization.id),
        afterCreateInvitation: ({ organization }) => announceOrgEvents(organization.id),
        afterAcceptInvitation: ({ organization }) => announceOrgEvents(organization.id),
      },
      sendInvitationEmail: async (data) => {
        await sendInvitationEmail({
          invitationId: data.id,
          email: data.email,
          role: data.role,
          orgName: data.organization.name,
          inviterName: data.inviter.user.name,
        });
      },
    }),
    apiKey({
      references: "organization",
      defaultPrefix: API_KEY_PREFIX,
      defaultKeyLength: 40,
      enableMetadata: true,
      // Per-key request limits belong to the gateway (per-org budgets and
      // limits); the plugin's own counter would throttle every key to 10/day.
      rateLimit: { enabled: false },
      keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: 365 },
    }),
    // The OAuth 2.1 authorization server of /api/mcp (issue 14 §2).
    mcpOAuthProvider(),
    mcpOAuthHooks(),
    nextCookies(),
  ],
});

export type Auth = typeof auth;
