import "server-only";
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { parseAllowHosts } from "./net/allow-hosts";
import { parseCidrList, type IpRange } from "./net/ip-address";

const isProduction = process.env.NODE_ENV === "production";

/** A string the given parser accepts; its error (naming the bad entry) becomes the zod issue. */
const parsedBy = (parse: (value: string) => unknown) =>
  z.string().superRefine((value, ctx) => {
    try {
      parse(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    }
  });

/**
 * Every environment variable the server reads, validated once at start.
 * Empty strings count as unset. Nothing else reads process.env directly,
 * except scripts/ that run before the app (dev runner, migrations).
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url(),
    /** Connections per process in the app's pool (the durable engine keeps a few of its own). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /**
     * A session-capable connection (direct, or Supavisor's session port) for
     * LISTEN; DATABASE_URL when unset. Transaction poolers drop LISTEN.
     */
    DATABASE_DIRECT_URL: z.string().url().optional(),
    /**
     * Optional: shares rate limits, the API key cache and live fan-out across
     * app processes (redis://host:6379). Postgres does all three when unset.
     */
    REDIS_URL: z.string().url().optional(),
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
    /** Durable-function engine: "local" (DBOS on Postgres, in-process) or "inngest". */
    JOB_ENGINE: z.enum(["local", "inngest"]).optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    /** Self-hosted Inngest server; Inngest Cloud when unset. */
    INNGEST_BASE_URL: z.string().url().optional(),
    /** Stable, distinct per process: DBOS resumes a dead executor's runs when one with its id starts. */
    JOBS_EXECUTOR_ID: z.string().default("local"),
    /** First retry delay of a failed step (doubles each attempt) on the local engine. */
    JOBS_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1000),
    /**
     * Run a task's first turn in the process that accepted it ("on"), with the
     * task row as its write-ahead record and the durable engine as recovery
     * when the process dies; "off" hands every task to the engine.
     */
    TASK_INLINE_RUNS: z.enum(["on", "off"]).default("on"),
    /** Turns one process runs in-process at once; beyond it, tasks go to the durable engine. */
    TASK_INLINE_MAX: z.coerce.number().int().min(1).default(20_000),
    /** A task still running after this long is cancelled at the agent and failed (hold released). */
    TASK_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
    /** A2A gateway calls per org API key per minute (429 with Retry-After beyond). */
    GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    EMAIL_FROM: z.string().default("Bureau <no-reply@bureau.local>"),
    /**
     * Comma-separated hosts the SSRF-safe fetcher may reach although they are
     * private: `host:port` (that port only), `host:*` or a bare `host` (any
     * port), IPv6 as `[::1]:8080`. Unset outside production: APP_URL's host
     * and port only (server/net/allowlist.ts).
     */
    OUTBOUND_ALLOW_HOSTS: parsedBy(parseAllowHosts).optional(),
    /**
     * Comma-separated CIDRs (or single IPs) of the reverse proxies in front of
     * the app, e.g. `10.0.0.0/8` or `127.0.0.1/32`. Only a request arriving
     * from one of them has its X-Forwarded-For / X-Real-IP believed (the
     * right-most untrusted hop is the client). Unset: nobody's, the client IP
     * is the socket address (server/net/client-address.ts).
     */
    TRUSTED_PROXIES: parsedBy(parseCidrList).optional(),
    /** Pause between the demo agents' progress updates (ms); tests set it low. */
    DEMO_AGENT_STEP_MS: z.coerce.number().int().min(0).max(10_000).default(250),
    /** Optional: demo agents write their text with OpenAI (or else Anthropic) instead of templates. */
    OPENAI_API_KEY: z.string().optional(),
    ANTHROPIC_API_KEY: z.string().optional(),
    /**
     * The departments' manager plans with OpenAI (or else Anthropic) when a key above is set. Base URLs
     * end in /v1 (an OpenAI-compatible proxy, a local fake in tests); the vendors' own when unset.
     */
    OPENAI_BASE_URL: z.string().url().optional(),
    ANTHROPIC_BASE_URL: z.string().url().optional(),
    MANAGER_OPENAI_MODEL: z.string().default("gpt-4.1-mini"),
    MANAGER_ANTHROPIC_MODEL: z.string().default("claude-haiku-4-5"),
    /** Enables purchases and payouts; without it purchases are off and demo orgs live on grants. */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_/, "Stripe secret keys start with sk_ or rk_")
      .optional(),
    /** Signing secret of the platform endpoint /api/stripe/webhook. */
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
    /** Signing secret of the Connect endpoint /api/stripe/connect-webhook. */
    STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
    /** Points the Stripe SDK at another API host (the local test server, stripe-mock). */
    STRIPE_API_BASE_URL: z.string().url().optional(),
    /** Platform fee on each captured task, in basis points (2000 = 20%). */
    PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(2000),
    /** Days a seller's earning stays pending before it can be paid out (refund window). */
    EARNINGS_HOLD_DAYS: z.coerce.number().int().min(0).max(365).default(7),
    /** Days an org event stays in the log (and readable over /api/v1/events) before the daily prune. */
    EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /**
     * Outbound webhook attempts, in ms after the first: "0,30000,…" (server/services/webhooks/retry-schedule.ts).
     * Unset: 0, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, 24 h. Tests set a short one.
     */
    WEBHOOK_RETRY_SCHEDULE_MS: z
      .string()
      .regex(/^\s*0\s*(,\s*\d+\s*)*$/, 'Use "0,30000,120000,…"')
      .optional(),
    /** Smallest available balance (credits) the scheduled payout transfers. */
    PAYOUT_MINIMUM_CREDITS: z.coerce.number().int().min(1).default(1000),
    /** Credit packs for sale: "credits:priceCents,…". */
    CREDIT_PACKS: z
      .string()
      .regex(/^\s*\d+\s*:\s*\d+\s*(,\s*\d+\s*:\s*\d+\s*)*$/, 'Use "credits:priceCents,…", e.g. "1000:1000,5000:4500"')
      .default("1000:1000,5000:4500,20000:16000"),
    /** What one credit is worth in cents when paid out to a seller. */
    CREDIT_VALUE_CENTS: z.coerce.number().int().min(1).default(1),
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

/** TRUSTED_PROXIES as networks (validated above, so parsing cannot fail here). */
export function trustedProxies(): IpRange[] {
  return parseCidrList(env.TRUSTED_PROXIES);
}
