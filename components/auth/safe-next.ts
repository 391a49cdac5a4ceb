const BASE = "http://bureau.invalid";
/** Pages that make no sense to land on after signing in (they would loop or leave the app). */
const NOT_DESTINATIONS = ["/sign-in", "/sign-up", "/api/"];

/**
 * Only a path on this site may be a post-sign-in destination. Browsers read
 * `/\evil.example` and `/<tab>/evil.example` as `//evil.example` (another
 * site), so anything with a backslash or a control character is refused, and
 * the path must still be on this origin once a URL parser has resolved it.
 * Returns the normalised path, or `fallback`.
 */
export function safeNext(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || next.length > 2000 || !next.startsWith("/") || next.startsWith("//")) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The resolved path is checked again: "/./sign-in" or "/x/../api/…" resolve to what they hide.
  if (path.startsWith("//") || NOT_DESTINATIONS.some((p) => url.pathname === p || url.pathname.startsWith(p)))
    return fallback;
  return path;
}

/** `/sign-in?next=…` (or sign-up) that returns to `next` afterwards; without a usable `next`, the plain page. */
export function authHref(page: "/sign-in" | "/sign-up", next: string | null | undefined): string {
  const target = safeNext(next, "");
  return target ? `${page}?next=${encodeURIComponent(target)}` : page;
}
