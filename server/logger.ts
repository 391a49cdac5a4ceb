import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "./env";

/** Fields pino must never print, wherever they appear in a log object. */
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "key",
  "*.key",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "cookie",
  "*.cookie",
  "DATABASE_URL",
  // OAuth (the MCP door's authorization server): token and secret fields by their wire names.
  "access_token",
  "*.access_token",
  "refresh_token",
  "*.refresh_token",
  "client_secret",
  "*.client_secret",
  "code_verifier",
  "*.code_verifier",
  // A delegation grant (its token is a bearer credential), wherever a message carrying it is logged.
  "grant",
  "*.grant",
  'metadata["bureau/delegation"]',
  '*.metadata["bureau/delegation"]',
  '*.*.metadata["bureau/delegation"]',
  '*.*.*.metadata["bureau/delegation"]',
];

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function createLogger(opts: { level: string; destination?: pino.DestinationStream }) {
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT, censor: "[redacted]" },
      base: { service: "bureau" },
      // Every line logged inside a request carries that request's id.
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    opts.destination,
  );
}

export const logger = createLogger({ level: env.LOG_LEVEL });

/** Runs fn with a request id bound to every log line it (transitively) writes. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** Use the caller's X-Request-Id when it looks sane, else a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.-]{8,128}$/.test(given) ? given : crypto.randomUUID();
}
