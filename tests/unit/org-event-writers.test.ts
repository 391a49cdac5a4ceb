import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Where REDIS_URL is set, other app processes learn of an org event only from
 * the announcement its writer publishes after commit. The task path publishes
 * from its own group commit; every other transaction that records org events
 * (directly, or through a helper that takes its tx) must be an
 * eventTransaction, which publishes for it. A plain db.$transaction there
 * would leave other processes' streams waiting for their 15–45 s re-read.
 */
const root = path.resolve(import.meta.dirname, "../..");

/** Files that publish themselves (the task path's group commit) or implement the mechanism. */
const PUBLISH_THEMSELVES = [
  /^server\/services\/tasks\//,
  /^server\/services\/events\/(record-event|event-transaction)\.ts$/,
];

/** Helpers that record events inside the transaction their caller passes. */
const EVENT_HELPERS = ["ledger/stripe-movements", "budgets/enforce-budgets"];

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (name === "generated") return [];
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

function recordsEvents(source: string): boolean {
  return (
    /\brecordEvents?\(/.test(source) ||
    EVENT_HELPERS.some((helper) => source.includes(`/${helper}"`) || source.includes(`../${helper}"`))
  );
}

describe("org event writers", () => {
  const files = [...walk("server"), ...walk("inngest")].filter((rel) => !PUBLISH_THEMSELVES.some((p) => p.test(rel)));
  const writers = files.filter((rel) => recordsEvents(readFileSync(path.join(root, rel), "utf8")));

  it("finds the writers it checks", () => {
    expect(writers).toEqual(expect.arrayContaining(["server/services/budgets/set-budget.ts"]));
  });

  it("run their transactions through eventTransaction, which announces the events after commit", () => {
    const plain = writers.filter((rel) => /\$transaction\(/.test(readFileSync(path.join(root, rel), "utf8")));
    expect(plain).toEqual([]);
  });
});
