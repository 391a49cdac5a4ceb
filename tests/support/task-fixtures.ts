import { buildDemoAgentCard, findDemoAgent } from "@/server/demo-agents/catalog";
import { db } from "@/server/db";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { createOrg, createUser, unique } from "./factories";

/** A seller org publishing one of the app's demo agents (served at APP_URL) at a price. */
export async function publishDemoAgent(demoSlug: string, price = 10) {
  const spec = findDemoAgent(demoSlug);
  if (!spec) throw new Error(`no demo agent ${demoSlug}`);
  const seller = await createUser("Seller");
  const sellerOrg = await createOrg(seller.id, "Seller Co");
  const card = buildDemoAgentCard(spec, process.env.APP_URL!);
  const suffix = unique();
  const agent = await db.agent.create({
    data: {
      orgId: sellerOrg.id,
      slug: `${demoSlug}-${suffix}`,
      // Its own name, so catalog searches for the seeded demo listing are not tied by it.
      name: `${spec.name} (fixture ${suffix})`,
      description: spec.description,
      endpointUrl: `${process.env.APP_URL}/api/demo-agents/${demoSlug}`,
      pricePerTask: price,
      status: "PUBLISHED",
      versions: { create: { version: 1, card: card as unknown as InputJsonValue } },
    },
  });
  return { agent, sellerOrg, seller };
}

/** A buyer org with credits, its owner, and an org API key with every scope. */
export async function buyerWithCredits(credits = 1_000) {
  const user = await createUser("Buyer");
  const org = await createOrg(user.id, "Buyer Co");
  if (credits > 0)
    await grantCredits({ orgId: org.id, amount: credits, key: `test:${unique()}`, reason: "test", actorUserId: null });
  const { key } = await createApiKey({
    orgId: org.id,
    userId: user.id,
    name: "test",
    scopes: ["agents:read", "tasks:read", "tasks:write"],
    expiresInDays: null,
  });
  return { user, org, apiKey: key };
}

export async function walletOf(orgId: string) {
  const accounts = await db.ledgerAccount.findMany({ where: { orgId }, select: { kind: true, balance: true } });
  return Object.fromEntries(accounts.map((a) => [a.kind, a.balance])) as Record<string, number | undefined>;
}
