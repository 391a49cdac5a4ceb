import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCreditPacks } from "@/server/services/billing/credit-packs";
import { monthKey, monthStart, refundedCredits, splitCapture } from "@/server/services/ledger/math";

describe("splitCapture", () => {
  it("takes the fee rounded down and gives the seller the rest", () => {
    expect(splitCapture(100, 2000)).toEqual({ fee: 20, seller: 80 });
    expect(splitCapture(333, 2000)).toEqual({ fee: 66, seller: 267 });
    expect(splitCapture(1, 2000)).toEqual({ fee: 0, seller: 1 });
    expect(splitCapture(50, 10_000)).toEqual({ fee: 50, seller: 0 });
  });

  it("always adds up to the amount, with a fee never above its rate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const { fee, seller } = splitCapture(amount, bps);
        expect(fee + seller).toBe(amount);
        expect(fee * 10_000).toBeLessThanOrEqual(amount * bps);
        expect(fee).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("refuses fractions, negatives and impossible rates", () => {
    expect(() => splitCapture(1.5, 2000)).toThrow(RangeError);
    expect(() => splitCapture(-1, 2000)).toThrow(RangeError);
    expect(() => splitCapture(10, 10_001)).toThrow(RangeError);
  });
});

describe("months", () => {
  it("are UTC calendar months", () => {
    expect(monthStart(new Date("2026-11-30T23:59:59.999-05:00")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(monthKey(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01");
  });
});

describe("refundedCredits", () => {
  it("takes all credits for a full refund and the refunded share, rounded down, for a partial one", () => {
    expect(refundedCredits(1_000, 1_000, 1_000)).toBe(1_000);
    expect(refundedCredits(5_000, 4_500, 1_000)).toBe(1_111);
    expect(refundedCredits(1_000, 1_000, 0)).toBe(0);
  });
});

describe("parseCreditPacks", () => {
  it("parses credits:priceCents pairs, sorted by size", () => {
    expect(parseCreditPacks("5000:4500, 1000:1000")).toEqual([
      { id: "pack-1000", credits: 1_000, priceCents: 1_000, currency: "usd" },
      { id: "pack-5000", credits: 5_000, priceCents: 4_500, currency: "usd" },
    ]);
  });

  it("refuses zero credits, prices under Stripe's minimum and duplicate sizes", () => {
    expect(() => parseCreditPacks("0:1000")).toThrow(/positive credits/);
    expect(() => parseCreditPacks("100:10")).toThrow(/at least 50 cents/);
    expect(() => parseCreditPacks("100:100,100:200")).toThrow(/same number of credits/);
  });
});
