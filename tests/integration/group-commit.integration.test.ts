import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { GroupCommitter, NEEDS_PRISMA, type UnitCall } from "@/server/group-commit";

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
});

describe("group commit of calls (one statement per batch)", () => {
  /**
   * A committer whose batch statement inserts one RateLimitBucket row per
   * call (args: [key]) and answers each with the statement's transaction id;
   * a call named "fail" makes the whole statement fail after inserting. The
   * first statement waits at a gate, so the units sent meanwhile share the
   * next one.
   */
  function committerWithGate() {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const statements: UnitCall[][] = [];
    const committer = new GroupCommitter(async (calls) => {
      statements.push(calls);
      if (statements.length === 1) await gate;
      const rows = await db.$queryRawUnsafe<{ tx: string }[]>(
        `WITH ins AS (
           INSERT INTO "RateLimitBucket" (key, tokens, "updatedAt")
           SELECT k, 1, now() FROM unnest($1::text[]) AS k RETURNING key
         )
         SELECT txid_current()::text || CASE WHEN $2::boolean THEN (1 / 0)::text ELSE '' END AS tx FROM ins`,
        calls.filter((c) => c.fn !== "skip").map((c) => String(c.args[0])),
        calls.some((c) => c.fn === "fail"),
      );
      return calls.map(() => rows[0]?.tx ?? null);
    });
    const insertBody =
      (k: string, result: string) => async (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => {
        await tx.rateLimitBucket.create({ data: { key: k, tokens: 1, updatedAt: new Date() } });
        return result;
      };
    return { committer, statements, open, insertBody };
  }

  it("runs a batch whose units all have a call as one statement, each unit resolving with its answer", async () => {
    const { committer, statements, open, insertBody } = committerWithGate();
    const keys = Array.from({ length: 6 }, (_, i) => key(`call-${i}`));
    const units = keys.map((k) =>
      committer.run("calls", insertBody(k, "body"), { call: { fn: "insert", args: [k], read: (tx) => tx } }),
    );
    open();
    const answers = await Promise.all(units);
    // The first alone, the five sent while it committed in one statement (one transaction).
    expect(statements.map((calls) => calls.length)).toEqual([1, 5]);
    expect(new Set(answers.slice(1)).size).toBe(1);
    expect(answers[0]).not.toBe(answers[1]);
    expect(await db.rateLimitBucket.count({ where: { key: { in: keys } } })).toBe(6);
  });

  it("runs a unit whose call answers NEEDS_PRISMA as its body, after its batch", async () => {
    const { committer, statements, open, insertBody } = committerWithGate();
    const [first, a, b, c] = [key("first"), key("a"), key("b"), key("c")];
    const asCall = (k: string) =>
      committer.run("calls", insertBody(k, "body"), { call: { fn: "insert", args: [k], read: () => "call" } });
    const units = [
      asCall(first),
      asCall(a),
      committer.run("calls", insertBody(b, "body"), {
        call: { fn: "skip", args: [], read: () => NEEDS_PRISMA },
      }),
      asCall(c),
    ];
    open();
    expect(await Promise.all(units)).toEqual(["call", "call", "body", "call"]);
    expect(statements.map((calls) => calls.map((call) => call.args[0] ?? "-"))).toEqual([[first], [a, "-", c]]);
    expect(await db.rateLimitBucket.count({ where: { key: { in: [first, a, b, c] } } })).toBe(4);
  });

  it("on a failed batch statement, writes nothing of it and runs each unit as its body under a savepoint", async () => {
    const { committer, open, insertBody } = committerWithGate();
    const [first, good1, bad, good2] = [key("first"), key("g1"), key("bad"), key("g2")];
    const unit = (k: string, fn = "insert", body = insertBody(k, `body ${k}`)) =>
      committer.run("calls", body, { call: { fn, args: [k], read: () => `call ${k}` } });
    const units = [
      unit(first),
      unit(good1),
      unit(bad, "fail", async (tx) => {
        await tx.rateLimitBucket.create({ data: { key: bad, tokens: 1, updatedAt: new Date() } });
        throw new DomainError("invalid_input", "refused after writing");
      }),
      unit(good2),
    ];
    open();
    const outcomes = await Promise.allSettled(units);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : "rejected"))).toEqual([
      `call ${first}`,
      `body ${good1}`,
      "rejected",
      `body ${good2}`,
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    const written = await db.rateLimitBucket.findMany({ where: { key: { in: [first, good1, bad, good2] } } });
    expect(written.map((r) => r.key).sort()).toEqual([first, good1, good2].sort());
  });
});
