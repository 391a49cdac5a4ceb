import "server-only";
export type UnsafeUrlCode =
  | "bad_url"
  | "bad_scheme"
  | "private_address"
  | "dns_failure"
  | "connection_failed"
  | "too_many_redirects"
  | "bad_redirect"
  | "timeout"
  | "too_large";

/**
 * Why a user-given URL was not fetched, in words a seller can act on. Every
 * refusal of the safe fetcher is one of these; the message never contains
 * response bodies or credentials.
 */
export class UnsafeUrlError extends Error {
  override name = "UnsafeUrlError";
  readonly code: UnsafeUrlCode;

  constructor(code: UnsafeUrlCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Finds an UnsafeUrlError anywhere in an error's cause chain (undici wraps them in "fetch failed"). */
export function findUnsafeUrlError(error: unknown): UnsafeUrlError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof UnsafeUrlError) return current;
    if (current instanceof AggregateError) {
      const inner = current.errors.map(findUnsafeUrlError).find(Boolean);
      if (inner) return inner;
    }
    current = current instanceof Error ? current.cause : null;
  }
  return null;
}
