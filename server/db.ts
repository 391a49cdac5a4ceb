import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

const globalForDb = globalThis as unknown as { bureauDb?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE }),
    // Under bursts (hundreds of tasks starting at once) transactions queue for
    // a pooled connection; waiting a little beats failing the request.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

/** The one Prisma client of this process (reused across Next.js hot reloads). */
export const db: PrismaClient = globalForDb.bureauDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.bureauDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
