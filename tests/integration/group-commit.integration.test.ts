import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import pg from "pg";
import { GroupCommitter, NEEDS_PRISMA, type SqlClient } from "@/server/group-commit";

const key = (name: string) => `group-commit-test:${crypto.randomUUID()}:${name}`;

async function commits(): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`;
  return Number(rows[0]!.n);
}

describe("group commit", () => {
  it("commits concurrent units of one stream together, each resolving with its own result", async () => {
    const committer = new GroupCommitter();
    const keys = Array.from({ length: 40 }, (_, i) => key(`unit-${i}`));
    const results = await Promise.all(
      keys.map((k, i) =>
        committer.run("one-stream", async (tx) => {
          await tx.rateLimitBucket.create({ data: { key: k, tokens: i, updatedAt: new Date() } });
          return i;
        }),
      ),
    );
    expect(results).toEqual(keys.map((_, i) => i));
    expect(await db.rateLimitBucket.count({ where: { key: { in: keys } } })).toBe(40);
  });

  it("uses fewer transactions than units when they arrive together", async () => {
    const committer = new GroupCommitter();
    const keys = Array.from({ length: 60 }, (_, i) => key(`batch-${i}`));
    const before = await commits();
    await Promise.all(
      keys.map((k) =>
        committer.run("stream", (tx) =>
          tx.rateLimitBucket.create({ data: { key: k, tokens: 1, updatedAt: new Date() } }),
        ),
      ),
    );
    // The first unit commits alone; the 59 that queued behind it share at most a few commits.
    // (pg_stat_database also counts this test's own two reads.)
    expect((await commits()) - before).toBeLessThan(20);
  });

  it("rolls back a unit that throws, with everything it wrote, and commits the others", async () => {
    const committer = new GroupCommitter();
    const good = [key("a"), key("b"), key("c")];
    const bad = key("bad");
    const outcomes = await Promise.allSettled([
      committer.run("s", (tx) =>
        tx.rateLimitBucket.create({ data: { key: good[0]!, tokens: 1, updatedAt: new Date() } }),
      ),
      committer.run("s", async (tx) => {
        await tx.rateLimitBucket.create({ data: { key: bad, tokens: 1, updatedAt: new Date() } });
        throw new DomainError("invalid_input", "refused after writing");
      }),
      committer.run("s", (tx) =>
        tx.rateLimitBucket.create({ data: { key: good[1]!, tokens: 1, updatedAt: new Date() } }),
      ),
      committer.run("s", async (tx) => {
        // A failing statement (duplicate key) inside a unit: only that unit fails.
        await tx.rateLimitBucket.create({ data: { key: good[0]!, tokens: 2, updatedAt: new Date() } });
      }),
      committer.run("s", (tx) =>
        tx.rateLimitBucket.create({ data: { key: good[2]!, tokens: 1, updatedAt: new Date() } }),
      ),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    expect(await db.rateLimitBucket.count({ where: { key: bad } })).toBe(0);
    expect(await db.rateLimitBucket.findMany({ where: { key: { in: good } }, select: { tokens: true } })).toEqual([
      { tokens: 1 },
      { tokens: 1 },
      { tokens: 1 },
    ]);
  });

  it("runs a lone unit as a plain transaction whose error reaches its caller and writes nothing", async () => {
    const committer = new GroupCommitter();
    const k = key("lone");
    await expect(
      committer.run("lone", async (tx) => {
        await tx.rateLimitBucket.create({ data: { key: k, tokens: 1, updatedAt: new Date() } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.rateLimitBucket.count({ where: { key: k } })).toBe(0);
  });

  it("runs a unit that commits alone as its single statement, and one that shares a batch as its body", async () => {
    const committer = new GroupCommitter();
    const ran: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const unit = (name: string, wait = false) =>
      committer.run(
        "alone",
        async (tx) => {
          ran.push(`${name}: body`);
          return tx.rateLimitBucket.create({ data: { key: key(name), tokens: 1, updatedAt: new Date() } });
        },
        {
          alone: async (client) => {
            if (wait) await gate;
            ran.push(`${name}: alone`);
            return client.rateLimitBucket.create({ data: { key: key(name), tokens: 1, updatedAt: new Date() } });
          },
        },
      );
    const first = unit("first", true);
    // These arrive while the first is committing: they commit together, in one transaction.
    const queued = [unit("second"), unit("third")];
    open();
    await Promise.all([first, ...queued]);
    expect(ran).toEqual(["first: alone", "second: body", "third: body"]);
  });
});

describe("group commit on node-postgres", () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, allowExitOnIdle: true });
  afterAll(() => pool.end());
  const insert = (client: SqlClient, k: string) =>
    client.query(
      `INSERT INTO "RateLimitBucket" (key, tokens, "updatedAt") VALUES ($1, 1, now())
       RETURNING txid_current()::text AS tx`,
      [k],
    );

  /** Units that arrive while a first one (held at a gate) commits, so they share the next batch. */
  async function behindAGate<T>(committer: GroupCommitter, units: (() => Promise<T>)[]) {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = committer.run("gated", async () => gate, { alone: async () => gate });
    const queued = units.map((unit) => unit());
    open();
    await first;
    return Promise.allSettled(queued);
  }

  it("runs a batch whose units all have a sql form on node-postgres, as one transaction", async () => {
    const committer = new GroupCommitter(() => pool.connect());
    const keys = Array.from({ length: 5 }, (_, i) => key(`raw-${i}`));
    const outcomes = await behindAGate(
      committer,
      keys.map(
        (k) => () =>
          committer.run("gated", () => Promise.resolve("body"), {
            sql: async (client) => ((await insert(client, k)).rows[0] as { tx: string }).tx,
          }),
      ),
    );
    const txs = outcomes.map((o) => (o.status === "fulfilled" ? o.value : "rejected"));
    expect(new Set(txs).size).toBe(1);
    expect(txs[0]).toMatch(/^\d+$/);
    expect(await db.rateLimitBucket.count({ where: { key: { in: keys } } })).toBe(5);
  });

  it("runs a unit whose sql form answers NEEDS_PRISMA as its body, after its batch", async () => {
    const committer = new GroupCommitter(() => pool.connect());
    const ran: string[] = [];
    const [a, b, c] = [key("a"), key("b"), key("c")];
    const raw = (k: string) => () =>
      committer.run("gated", () => Promise.resolve("body"), {
        sql: async (client) => {
          await insert(client, k);
          ran.push(k);
          return "sql";
        },
      });
    const outcomes = await behindAGate(committer, [
      raw(a),
      () =>
        committer.run(
          "gated",
          async (tx) => {
            await tx.rateLimitBucket.create({ data: { key: b, tokens: 1, updatedAt: new Date() } });
            ran.push(b);
            return "body";
          },
          { sql: async () => NEEDS_PRISMA },
        ),
      raw(c),
    ]);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : o.reason))).toEqual(["sql", "body", "sql"]);
    expect(ran).toEqual([a, c, b]);
    expect(await db.rateLimitBucket.count({ where: { key: { in: [a, b, c] } } })).toBe(3);
  });

  it("undoes a failing sql unit alone and commits the rest of its batch", async () => {
    const committer = new GroupCommitter(() => pool.connect());
    const [good1, bad, good2] = [key("g1"), key("bad"), key("g2")];
    const unit =
      (k: string, fail = false) =>
      () =>
        committer.run("gated", () => Promise.resolve("body"), {
          sql: async (client) => {
            await insert(client, k);
            if (fail) throw new DomainError("invalid_input", "refused after writing");
            return k;
          },
        });
    const outcomes = await behindAGate(committer, [unit(good1), unit(bad, true), unit(good2)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    const written = await db.rateLimitBucket.findMany({ where: { key: { in: [good1, bad, good2] } } });
    expect(written.map((r) => r.key).sort()).toEqual([good1, good2].sort());
  });
});
