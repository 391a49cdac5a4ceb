import { describe, expect, it } from "vitest";
import { chargeWording, formatDuration } from "@/components/tasks/task-format";

describe("task formatting", () => {
  it("shows durations at a readable scale", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(245_000)).toBe("4 min 5 s");
    expect(formatDuration(3_780_000)).toBe("1 h 3 min");
  });

  it("words the price from the task's state", () => {
    expect(chargeWording("WORKING", 30)).toBe("30 credits held");
    expect(chargeWording("INPUT_REQUIRED", 1)).toBe("1 credit held");
    expect(chargeWording("COMPLETED", 1_200)).toBe("1,200 credits charged");
    expect(chargeWording("FAILED", 30)).toBe("30 credits refunded (not charged)");
    expect(chargeWording("CANCELED", 30)).toBe("30 credits refunded (not charged)");
    expect(chargeWording("COMPLETED", 0)).toBe("Free");
  });
});
