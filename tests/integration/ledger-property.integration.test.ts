import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { InsufficientCreditsError } from "@/server/services/ledger/errors";
import { splitCapture } from "@/server/services/ledger/math";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { lockBalance } from "@/server/services/ledger/lock-balance";
import { orgAccount } from "@/server/services/ledger/accounts";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { releaseMaturedEarnings } from "@/server/services/ledger/release-matured-earnings";
import { creditPurchase, debitPayout, debitRefund } from "@/server/services/ledger/stripe-movements";
import { balancesOf, fundedOrg, sellerAgent, startHeldTask } from "../support/billing-fixtures";
import { unique } from "../support/factories";

vi.mock("@/server/jobs/send", () => ({ sendEvent: vi.fn() }));

type Op =
  | { kind: "grant" | "purchase" | "refund" | "hold"; buyer: 0 | 1; amount: number }
  | { kind: "capture" | "release"; task: number; twice: boolean }
  | { kind: "mature" | "payout" };

const amount = fc.integer({ min: 1, max: 400 });
const buyer = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("grant", "purchase", "refund", "hold", "hold"),
    buyer,
    amount,
  }) as fc.Arbitrary<Op>,
  fc.record({ kind: fc.constantFrom("capture", "release"), task: fc.nat(20), twice: fc.boolean() }) as fc.Arbitrary<Op>,
  fc.record({ kind: fc.constantFrom("mature", "payout") }) as fc.Arbitrary<Op>,
);

describe("ledger invariants under random operation sequences", () => {
  it("keeps every transaction balanced, cached balances equal to derived ones, money where a model says", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 18 }), async (ops) => {
        const { agent, org: seller } = await sellerAgent();
        const buyers = [(await fundedOrg(0)).org, (await fundedOrg(0)).org];
        const model = { wallet: [0, 0], holds: [0, 0], pending: 0, available: 0 };
        const tasks: { id: string; buyer: 0 | 1; amount: number; open: boolean }[] = [];

        for (const step of ops) {
          if (step.kind === "grant" || step.kind === "purchase" || step.kind === "refund") {
            const orgId = buyers[step.buyer]!.id;
            if (step.kind === "grant")
              await grantCredits({
                orgId,
                amount: step.amount,
                key: `p:${unique()}`,
                reason: "property",
                actorUserId: null,
              });
            else
              await db.$transaction((tx) =>
                (step.kind === "purchase" ? creditPurchase : debitRefund)(tx, {
                  orgId,
                  key: `p:${unique()}`,
                  credits: step.amount,
                }),
              );
            model.wallet[step.buyer]! += step.kind === "refund" ? -step.amount : step.amount;
          } else if (step.kind === "hold") {
            const affordable = model.wallet[step.buyer]! >= step.amount;
            const outcome = await startHeldTask({
              orgId: buyers[step.buyer]!.id,
              agentId: agent.id,
              amount: step.amount,
            }).catch((e: unknown) => e);
            if (affordable) {
              expect(typeof outcome).toBe("string");
              tasks.push({ id: outcome as string, buyer: step.buyer, amount: step.amount, open: true });
              model.wallet[step.buyer]! -= step.amount;
              model.holds[step.buyer]! += step.amount;
            } else {
              expect(outcome).toBeInstanceOf(InsufficientCreditsError);
            }
          } else if (step.kind === "capture" || step.kind === "release") {
            const task = tasks[step.task % Math.max(tasks.length, 1)];
            if (!task) continue;
            const settle = () =>
              step.kind === "capture"
                ? captureHold({ taskId: task.id }).then((r) => r.captured)
                : releaseHold({ taskId: task.id, reason: "property" }).then((r) => r.released);
            const results = step.twice ? await Promise.all([settle(), settle()]) : [await settle()];
            expect(results.filter(Boolean)).toHaveLength(task.open ? 1 : 0);
            if (task.open) {
              task.open = false;
              model.holds[task.buyer]! -= task.amount;
              if (step.kind === "release") model.wallet[task.buyer]! += task.amount;
              else model.pending += splitCapture(task.amount, 2000).seller;
            }
          } else if (step.kind === "mature") {
            await releaseMaturedEarnings({ now: new Date(Date.now() + 30 * 86_400_000) });
            model.available += model.pending;
            model.pending = 0;
          } else {
            const paid = await db.$transaction(async (tx) => {
              const balance = await lockBalance(tx, (await orgAccount(tx, seller.id, "SELLER_AVAILABLE")).id);
              return balance > 0 &&
                (await debitPayout(tx, { sellerOrgId: seller.id, payoutId: unique(), credits: balance }))
                ? balance
                : 0;
            });
            expect(paid).toBe(model.available);
            model.available = 0;
          }

          const check = await checkLedger(db);
          expect(check).toEqual({ ok: true, unbalancedTransactions: [], mismatchedAccounts: [] });
          for (const i of [0, 1] as const)
            expect(await balancesOf(buyers[i]!.id)).toMatchObject({ wallet: model.wallet[i], holds: model.holds[i] });
          expect(await balancesOf(seller.id)).toMatchObject({ pending: model.pending, available: model.available });
        }
      }),
      { numRuns: 10 },
    );
    // Each run is a few dozen real transactions; on a busy machine that outlasts the default 30 s.
  }, 180_000);
});
