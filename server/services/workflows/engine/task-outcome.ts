import "server-only";
import { db } from "../../../db";
import { isTerminal, messageText, ZBureauMessageSchema, ZBureauPartSchema } from "../../../a2a/bureau-format";
import type { TaskState } from "../../../generated/prisma/enums";
import { taskListener } from "../../events/task-listener";

/**
 * Notifications wake the wait at once; this re-read covers a notification
 * lost while the listener reconnects (or a listener that cannot connect).
 */
const RECHECK_MS = 2_000;

export interface EndedTask {
  state: TaskState;
  statusMessage: string | null;
  price: number;
}

/**
 * Waits, inside an agent step, until the task ends. A task that asks for
 * input calls `onInputRequired` once (a workflow step has nobody to answer),
 * and the wait goes on until that leads to an end.
 */
export async function waitForTaskEnd(input: {
  orgId: string;
  taskId: string;
  onInputRequired: (statusMessage: string | null) => Promise<void>;
}): Promise<EndedTask> {
  let wake: (() => void) | null = null;
  let dirty = false;
  const onNote = () => {
    dirty = true;
    wake?.();
  };
  let listening = true;
  await taskListener.ensure().catch(() => {
    listening = false;
  });
  if (listening) {
    taskListener.on(`task:${input.taskId}`, onNote);
    taskListener.on("reconnected", onNote);
  }
  let askedInput = false;
  try {
    for (;;) {
      dirty = false;
      const task = await db.task.findFirst({
        where: { id: input.taskId, orgId: input.orgId },
        select: { state: true, statusMessage: true, price: true },
      });
      if (!task) throw new Error(`Task ${input.taskId} of a workflow step is gone.`);
      if (isTerminal(task.state)) return task;
      if (task.state === "INPUT_REQUIRED" && !askedInput) {
        askedInput = true;
        await input.onInputRequired(task.statusMessage);
        continue;
      }
      if (dirty) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECHECK_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    taskListener.off(`task:${input.taskId}`, onNote);
    taskListener.off("reconnected", onNote);
  }
}

/**
 * What a finished task produced, as a step's result: its artifacts' text
 * (else the agent's last status message), and JSON data when an artifact
 * carries a data part or its text is a JSON object or list.
 */
export async function taskResult(taskId: string): Promise<{ output: string; data: unknown }> {
  const [artifacts, lastStatus] = await Promise.all([
    db.artifact.findMany({ where: { taskId }, orderBy: { createdAt: "asc" }, select: { parts: true } }),
    db.taskEvent.findFirst({ where: { taskId, kind: "status" }, orderBy: { id: "desc" }, select: { data: true } }),
  ]);
  const parts = artifacts.flatMap((a) => {
    const parsed = ZBureauPartSchema.array().safeParse(a.parts);
    return parsed.success ? [parsed.data] : [];
  });
  const texts = parts
    .map((list) => list.flatMap((p) => (p.kind === "text" ? [p.text] : [])).join("\n"))
    .filter(Boolean);
  const dataPart = parts.flat().find((p) => p.kind === "data");
  const output = texts.length ? texts.join("\n\n") : statusText(lastStatus?.data);
  const data = dataPart?.kind === "data" ? dataPart.data : jsonOf(output);
  return { output, data: data ?? null };
}

function statusText(data: unknown): string {
  const message = (data as { message?: unknown } | null)?.message;
  const parsed = ZBureauMessageSchema.safeParse(message);
  return parsed.success ? messageText(parsed.data) : "";
}

/** A reply that is a JSON object or list (a fenced ```json block included) is also data. */
function jsonOf(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^```(?:json)?\s*\n([\s\S]*)\n```$/, "$1")
    .trim();
  if (!/^[[{]/.test(trimmed)) return null;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return null;
  }
}
