import { NextResponse, type NextRequest } from "next/server";

/**
 * Records the path being requested in a request header, so a signed-in page
 * that sends a visitor to sign in can bring them back to it afterwards
 * (server/auth/session.ts). Set here, so a client cannot supply its own.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  // Next.js's own cache-busting parameter of client navigations is not part of the page's address.
  url.searchParams.delete("_rsc");
  const headers = new Headers(request.headers);
  // REQUEST_PATH_HEADER of server/auth/session.ts (not imported: that module is server-only).
  headers.set("x-bureau-path", `${url.pathname}${url.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next.js assets or files with an extension.
  matcher: ["/((?!api/|_next/|.*\\.[a-zA-Z0-9]+$).*)"],
};
