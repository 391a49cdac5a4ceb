import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

/**
 * Every environment variable the server reads, validated once at start.
 * Empty strings count as unset. Nothing else reads process.env directly,
 * except scripts/ that run before the app (dev runner, migrations).
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url(),
    BETTER_AUTH_SECRET: isProduction
      ? z.string().min(32)
      : z.string().min(32).default("bureau-development-secret-not-for-production-use"),
    APP_URL: z.string().url().optional(),
    PORT: z.coerce.number().int().positive().default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** e.g. smtps://user:pass@smtp.example.com:465 — invitations are logged instead when unset. */
    SMTP_URL: z.string().url().optional(),
    /** Throttles sign-in/sign-up per client IP. Only the test suite turns it off. */
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    EMAIL_FROM: z.string().default("Bureau <no-reply@bureau.local>"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` evaluates route modules; runtime config is checked at start.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

/** The public base URL of this deployment (links in invitations, cards). */
export function appUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
