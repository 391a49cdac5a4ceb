import "server-only";
import { db } from "../../db";
import { readPath } from "../events";
import type { JobEvent } from "../types";

export async function registerWaiter(input: {
  eventName: string;
  matchPath: string;
  matchValue: string;
  workflowId: string;
  topic: string;
  timeoutMs: number;
}): Promise<void> {
  const { timeoutMs, ...rest } = input;
  await db.jobEventWaiter.upsert({
    where: { workflowId_topic: { workflowId: input.workflowId, topic: input.topic } },
    create: { ...rest, expiresAt: new Date(Date.now() + timeoutMs) },
    update: {},
  });
}

export async function removeWaiter(workflowId: string, topic: string): Promise<void> {
  await db.jobEventWaiter.deleteMany({ where: { workflowId, topic } });
}

/** Waiters this event satisfies (their match path holds the same value). */
export async function matchingWaiters(event: JobEvent) {
  const candidates = await db.jobEventWaiter.findMany({
    where: { eventName: event.name, expiresAt: { gt: new Date() } },
    select: { id: true, matchPath: true, matchValue: true, workflowId: true, topic: true },
  });
  return candidates.filter((w) => String(readPath(event.data, w.matchPath)) === w.matchValue);
}
