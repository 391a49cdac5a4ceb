import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { listMyOrgs } from "../services/orgs/list-my-orgs";
import { auth } from "./auth";

export async function getServerSession() {
  return auth.api.getSession({ headers: await headers() });
}

/**
 * For signed-in pages: the user, their orgs and the active one. Sends people
 * without a session to sign in, and people without an org to onboarding.
 */
export async function requireOrgSession() {
  const session = await getServerSession();
  if (!session) redirect("/sign-in");
  const { orgs, activeOrgId } = await listMyOrgs({
    userId: session.user.id,
    activeOrgId: session.session.activeOrganizationId ?? null,
  });
  const org = orgs.find((o) => o.id === activeOrgId);
  if (!org) redirect("/onboarding");
  const user = {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    isPlatformAdmin: Boolean((session.user as { isPlatformAdmin?: boolean }).isPlatformAdmin),
  };
  return { user, org, orgs };
}
