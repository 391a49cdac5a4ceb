import { auth } from "@/server/auth/auth";
import type { OrgRole } from "@/server/auth/roles";
import { db } from "@/server/db";
import { createTRPCContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export const PASSWORD = "correct-horse-battery";

/** A short unique suffix so parallel tests never share names. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export async function createUser(name = "Test User") {
  const email = `user-${unique()}@example.test`;
  const { user } = await auth.api.signUpEmail({ body: { email, name, password: PASSWORD } });
  return { ...user, email };
}

/** Signs in for real and returns request headers carrying the session cookie. */
export async function signInHeaders(email: string, password = PASSWORD): Promise<Headers> {
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookies = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie: cookies });
}

export async function createOrg(ownerId: string, name = "Test Org") {
  const org = await db.organization.create({
    data: { id: crypto.randomUUID(), name, slug: `org-${unique()}` },
  });
  await addMember(org.id, ownerId, "owner");
  return org;
}

export async function addMember(orgId: string, userId: string, role: OrgRole) {
  await db.member.create({ data: { id: crypto.randomUUID(), organizationId: orgId, userId, role } });
}

/** A tRPC caller acting as the signed-in user, through the real context. */
export async function callerFor(email: string) {
  const headers = await signInHeaders(email);
  return createCaller(await createTRPCContext({ headers }));
}

/** A user who owns a fresh org, with a tRPC caller. */
export async function ownerWithOrg(orgName = "Test Org") {
  const user = await createUser("Owner");
  const org = await createOrg(user.id, orgName);
  return { user, org, caller: await callerFor(user.email) };
}
