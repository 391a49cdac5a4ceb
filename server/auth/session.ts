import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { listMyOrgs } from "../services/orgs/list-my-orgs";
import { auth } from "./auth";

export async function getServerSession() {
  return auth.api.getSession({ headers: await headers() });
}

/** The request header proxy.ts sets to the path (and query) being requested. */
export const REQUEST_PATH_HEADER = "x-bureau-path";

/** Where the visitor was going, for "?next=": the path proxy.ts recorded, if any. */
export async function requestedPath(): Promise<string | null> {
  return (await headers()).get(REQUEST_PATH_HEADER);
}

/** /sign-in, remembering the page asked for so signing in returns there (the sign-in page re-checks it). */
export function signInPath(next: string | null): string {
  return next && next.startsWith("/") ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}

/**
 * The user, their orgs and the active one, or null when signed out. `org` is
 * null for a signed-in user without any organization yet. Read once per
 * request (a layout and its page both ask).
 */
export const getOrgSession = cache(async () => {
  const session = await getServerSession();
  if (!session) return null;
  const { orgs, activeOrgId } = await listMyOrgs({
    userId: session.user.id,
    activeOrgId: session.session.activeOrganizationId ?? null,
  });
  const user = {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    emailVerified: session.user.emailVerified,
    isPlatformAdmin: Boolean((session.user as { isPlatformAdmin?: boolean }).isPlatformAdmin),
  };
  return { user, org: orgs.find((o) => o.id === activeOrgId) ?? null, orgs };
});

/**
 * For signed-in pages: the user, their orgs and the active one. Sends people
 * without a session to sign in (and back here afterwards), and people without
 * an org to onboarding.
 */
export async function requireOrgSession() {
  const context = await getOrgSession();
  const path = await requestedPath();
  if (!context) redirect(signInPath(path));
  const { user, org, orgs } = context;
  if (!org) redirect(path?.startsWith("/") ? `/onboarding?next=${encodeURIComponent(path)}` : "/onboarding");
  return { user, org, orgs };
}
