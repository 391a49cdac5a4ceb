import { describe, expect, it } from "vitest";
import {
  isOrgEventType,
  ORG_EVENT_CATALOGUE,
  ORG_EVENT_TYPES,
  parseOrgEventData,
  ZEventActorSchema,
} from "@/server/schemas/org-events";

describe("org event catalogue", () => {
  it("names types domain.verb and says what each is about", () => {
    expect(ORG_EVENT_TYPES.length).toBeGreaterThan(20);
    for (const type of ORG_EVENT_TYPES) {
      expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(ORG_EVENT_CATALOGUE[type].subject).toMatch(/^[a-z_]+$/);
    }
    expect(ORG_EVENT_TYPES).toEqual(
      expect.arrayContaining(["task.created", "task.state_changed", "task.artifact", "task.settled", "credits.held"]),
    );
  });

  it("knows its own types and nothing else (inherited object keys included)", () => {
    expect(isOrgEventType("credits.granted")).toBe(true);
    expect(isOrgEventType("credits.stolen")).toBe(false);
    expect(isOrgEventType("toString")).toBe(false);
    expect(isOrgEventType("__proto__")).toBe(false);
  });

  it("accepts data of the declared shape", () => {
    expect(parseOrgEventData("credits.granted", { amount: 50, reason: "welcome" }).success).toBe(true);
    expect(parseOrgEventData("task.state_changed", { from: "SUBMITTED", to: "WORKING", message: null }).success).toBe(
      true,
    );
    expect(parseOrgEventData("listing.updated", { change: "card", version: 2 }).success).toBe(true);
    expect(parseOrgEventData("listing.updated", { change: "terms", pricePerTask: 30 }).success).toBe(true);
    expect(parseOrgEventData("budget.set", { departmentId: null, from: 100, to: null }).success).toBe(true);
  });

  it("refuses missing fields, wrong types, unknown states and extra fields", () => {
    expect(parseOrgEventData("credits.granted", { amount: 50 }).success).toBe(false);
    expect(parseOrgEventData("credits.granted", { amount: 1.5, reason: "x" }).success).toBe(false);
    expect(parseOrgEventData("credits.granted", { amount: -5, reason: "x" }).success).toBe(false);
    expect(parseOrgEventData("credits.granted", { amount: 5, reason: "x", secret: "y" }).success).toBe(false);
    expect(parseOrgEventData("task.state_changed", { from: null, to: "EXPLODED", message: null }).success).toBe(false);
    expect(parseOrgEventData("listing.updated", { change: "card" }).success).toBe(false);
    expect(parseOrgEventData("budget.threshold_crossed", { month: "May" }).success).toBe(false);
  });

  it("requires an id for every actor but the system", () => {
    expect(ZEventActorSchema.safeParse({ kind: "user", id: "u1" }).success).toBe(true);
    expect(ZEventActorSchema.safeParse({ kind: "system", id: null }).success).toBe(true);
    expect(ZEventActorSchema.safeParse({ kind: "system", id: "stripe" }).success).toBe(true);
    expect(ZEventActorSchema.safeParse({ kind: "user", id: null }).success).toBe(false);
    expect(ZEventActorSchema.safeParse({ kind: "apiKey" }).success).toBe(false);
    expect(ZEventActorSchema.safeParse({ kind: "robot", id: "r" }).success).toBe(false);
  });
});
