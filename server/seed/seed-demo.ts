import "server-only";
import { withoutVerificationEmail } from "../auth/account-emails";
import { API_KEY_SCOPES, permissionsToScopes } from "../auth/api-key-scopes";
import { auth } from "../auth/auth";
import { db } from "../db";
import { logger } from "../logger";
import { createApiKey } from "../services/api-keys/create-api-key";
import { grantCredits } from "../services/ledger/grant-credits";
import { appUrl } from "../env";
import { seedCatalog } from "./seed-catalog";
import { seedCompany } from "./seed-company";
import { seedWorkflows } from "./seed-workflows";
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

export interface DemoSeedResult {
  users: { email: string; password: string; role: string; org: string }[];
  /** A working Acme API key: the one passed in if still valid, else a new one. */
  apiKey: string;
}

async function ensureUser(email: string, name: string): Promise<string> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return existing.id;
  const { user } = await withoutVerificationEmail(() =>
    auth.api.signUpEmail({ body: { email, name, password: DEMO_PASSWORD } }),
  );
  await db.user.update({ where: { id: user.id }, data: { emailVerified: true } });
  return user.id;
}

async function ensureOrg(slug: string, name: string): Promise<string> {
  const org = await db.organization.upsert({
    where: { slug },
    create: { id: crypto.randomUUID(), slug, name },
    update: {},
    select: { id: true },
  });
  return org.id;
}

/**
 * Idempotent demo data: running it again changes nothing except replacing an
 * API key that no longer verifies.
 */
export async function seedDemo(
  opts: { existingApiKey?: string | null; baseUrl?: string } = {},
): Promise<DemoSeedResult> {
  const orgIds = new Map<string, string>();
  for (const org of Object.values(DEMO_ORGS)) orgIds.set(org.slug, await ensureOrg(org.slug, org.name));
  // Northwind's demo agents are served by this app, so their cards use its base URL.
  await seedCatalog({ sellerOrgId: orgIds.get(DEMO_ORGS.northwind.slug)!, baseUrl: opts.baseUrl ?? appUrl() });

  for (const user of DEMO_USERS) {
    const userId = await ensureUser(user.email, user.name);
    if (user.platformAdmin)
      await db.user.update({ where: { id: userId }, data: { isPlatformAdmin: true, emailVerified: true } });
    const organizationId = orgIds.get(user.org);
    if (!organizationId) throw new Error(`Unknown demo org ${user.org}`);
    await db.member.upsert({
      where: { organizationId_userId: { organizationId, userId } },
      create: { id: crypto.randomUUID(), organizationId, userId, role: user.role },
      update: {},
    });
  }

  for (const org of Object.values(DEMO_ORGS)) {
    const orgId = orgIds.get(org.slug);
    if (!orgId || org.startingCredits === 0) continue;
    await grantCredits({
      orgId,
      amount: org.startingCredits,
      key: `seed:starting-grant:${org.slug}`,
      reason: "Demo starting credits",
      actorUserId: null,
    });
  }

  const acmeId = orgIds.get(DEMO_ORGS.acme.slug)!;
  const acmeOwner = await db.user.findUniqueOrThrow({ where: { email: "owner@acme.test" }, select: { id: true } });
  await seedWorkflows({ orgId: acmeId, ownerUserId: acmeOwner.id });
  await seedCompany({ orgId: acmeId, ownerUserId: acmeOwner.id });
  let apiKey = opts.existingApiKey ?? null;
  if (apiKey) {
    const check = await auth.api.verifyApiKey({ body: { key: apiKey } });
    // A key from before a scope existed is replaced, so the demo key can call every route.
    const scopes = permissionsToScopes(check.key?.permissions);
    if (!check.valid || check.key?.referenceId !== acmeId || API_KEY_SCOPES.some((s) => !scopes.includes(s)))
      apiKey = null;
  }
  if (!apiKey) {
    apiKey = (
      await createApiKey({
        orgId: acmeId,
        userId: acmeOwner.id,
        name: "Demo key",
        scopes: [...API_KEY_SCOPES],
        expiresInDays: null,
      })
    ).key;
    logger.info("demo: created a new Acme API key");
  }

  return {
    users: DEMO_USERS.map((u) => ({
      email: u.email,
      password: DEMO_PASSWORD,
      role: u.platformAdmin ? "platform admin" : u.role,
      org: u.org,
    })),
    apiKey,
  };
}
