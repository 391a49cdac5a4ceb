import { db } from "@/server/db";
import { DEMO_AGENTS } from "@/server/demo-agents/catalog";
import { callerFor, createUser, ownerWithOrg } from "./factories";
import type { FakeAgent } from "./agent-card-server";

/** A platform admin with a tRPC caller. */
export async function platformAdmin() {
  const user = await createUser("Platform Admin");
  await db.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
  return { user, caller: await callerFor(user.email) };
}

/** A seller org whose owner lists the fake agent; returns the draft's id and slug. */
export async function sellerWithListing(
  agent: FakeAgent,
  terms: { pricePerTask?: number; categories?: string[] } = {},
) {
  const seller = await ownerWithOrg("Seller Co");
  const created = await seller.caller.sell.create({
    orgId: seller.org.id,
    source: { kind: "url", url: agent.cardUrl },
    pricePerTask: terms.pricePerTask ?? 40,
    categories: (terms.categories ?? ["translation"]) as ["translation"],
  });
  if (!created.ok) throw new Error(`listing failed: ${created.errors.join(" ")}`);
  return { ...seller, agentId: created.agentId, slug: created.slug };
}

/** Submits and approves a listing so it is published. */
export async function publish(
  seller: { caller: Awaited<ReturnType<typeof callerFor>>; org: { id: string } },
  agentId: string,
) {
  await seller.caller.sell.submit({ orgId: seller.org.id, agentId });
  const admin = await platformAdmin();
  await admin.caller.admin.approve({ agentId });
  return admin;
}

/**
 * The demo listings as the seed makes them, for a test that seeds: another
 * file may have seeded the demo already in this worker's database and paused
 * a listing or changed its price (the seed keeps status and terms), or owned
 * it by another org (slugs are global).
 */
export async function resetDemoListings(owner?: { orgId: string }): Promise<void> {
  for (const spec of DEMO_AGENTS)
    await db.agent.updateMany({
      where: { slug: spec.slug },
      data: { ...owner, status: "PUBLISHED", statusReason: null, pricePerTask: spec.pricePerTask },
    });
}
