import { db } from "@/server/db";
import type { TaskSource, TaskState } from "@/server/generated/prisma/enums";

/**
 * A task row in a given end state, written directly: for tests of what is
 * computed from finished tasks (reviews, quality), where running the agent
 * would only add time. No credits move.
 */
export async function seedTask(opts: {
  orgId: string;
  agentId: string;
  state: TaskState;
  durationMs?: number | null;
  price?: number;
  source?: TaskSource;
}) {
  const now = new Date();
  const finished = ["COMPLETED", "FAILED", "CANCELED", "REJECTED"].includes(opts.state);
  return db.task.create({
    data: {
      orgId: opts.orgId,
      agentId: opts.agentId,
      contextId: crypto.randomUUID(),
      state: opts.state,
      source: opts.source ?? "UI",
      price: opts.price ?? 10,
      input: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: "seeded" }] },
      startedAt: now,
      finishedAt: finished ? now : null,
      durationMs: finished ? (opts.durationMs ?? 1_000) : null,
    },
    select: { id: true },
  });
}

/** Reads an SSE response body into frames until the stream ends or `until` matches. */
export async function readSse(
  response: Response,
  until: (frame: { id?: string; event?: string; data?: string }) => boolean = () => false,
) {
  const frames: { id?: string; event?: string; data?: string }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return frames;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: { id?: string; event?: string; data?: string } = {};
        for (const line of block.split("\n")) {
          const [field, ...rest] = line.split(": ");
          if (field === "id" || field === "event" || field === "data") frame[field] = rest.join(": ");
        }
        if (frame.data === undefined) continue;
        frames.push(frame);
        if (until(frame)) return frames;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
