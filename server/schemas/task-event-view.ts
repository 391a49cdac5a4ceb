import { z } from "zod";
import { TaskState } from "../generated/prisma/enums";

/**
 * The shape of a task event as the browser sees it, through tasks.get and the
 * live SSE stream alike. This module stays free of server-only imports (no
 * database, no A2A SDK) because the task page parses stream frames with the
 * same schema; that is why the part schema below mirrors bureau-format's
 * instead of importing it (bureau-format pulls in the whole A2A SDK).
 */
export const ZPartViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("data"), data: z.unknown() }),
  z.object({
    kind: z.literal("file"),
    url: z.string().optional(),
    mediaType: z.string().optional(),
    filename: z.string().optional(),
  }),
]);
export type PartView = z.infer<typeof ZPartViewSchema>;

const ZMessageViewSchema = z.object({
  messageId: z.string(),
  role: z.enum(["user", "agent"]),
  parts: z.array(ZPartViewSchema),
});

const ZEventBaseSchema = z.object({ id: z.string(), createdAt: z.iso.datetime() });

export const ZTaskEventViewSchema = z.discriminatedUnion("kind", [
  ZEventBaseSchema.extend({
    kind: z.literal("status"),
    data: z.object({
      state: z.enum(TaskState),
      message: ZMessageViewSchema.optional(),
      text: z.string().optional(),
      timestamp: z.string(),
    }),
  }),
  ZEventBaseSchema.extend({
    kind: z.literal("artifact"),
    data: z.object({
      artifactId: z.string(),
      name: z.string().optional(),
      description: z.string().optional(),
      parts: z.array(ZPartViewSchema),
      append: z.boolean().optional(),
      lastChunk: z.boolean().optional(),
    }),
  }),
  ZEventBaseSchema.extend({
    kind: z.literal("message"),
    data: z.object({ turn: z.number().int(), message: ZMessageViewSchema }),
  }),
]);
export type TaskEventView = z.infer<typeof ZTaskEventViewSchema>;

/**
 * A stored TaskEvent as the browser sees it, or null for a row this view does
 * not know (a future kind): the page skips it rather than failing the run.
 */
export function toTaskEventView(event: {
  id: bigint;
  kind: string;
  data: unknown;
  createdAt: Date;
}): TaskEventView | null {
  const parsed = ZTaskEventViewSchema.safeParse({
    id: event.id.toString(),
    kind: event.kind,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
  });
  return parsed.success ? parsed.data : null;
}

/** The plain text of a list of parts (text parts only), for previews. */
export const partsText = (parts: readonly PartView[]) =>
  parts.flatMap((p) => (p.kind === "text" ? [p.text] : [])).join("\n");

/**
 * An artifact's parts after an appended chunk: a text part continuing a text
 * part joins it (an agent streaming a document sends it piece by piece,
 * often mid-line), anything else is added after. The server stores artifacts
 * this way and the task page folds live chunks the same way, so what was
 * seen live is what a reload shows.
 */
export function appendParts<P extends PartView>(parts: readonly P[], chunk: readonly P[]): P[] {
  const last = parts.at(-1);
  const [first, ...rest] = chunk;
  if (last?.kind === "text" && first?.kind === "text")
    return [...parts.slice(0, -1), { ...last, text: last.text + first.text }, ...rest];
  return [...parts, ...chunk];
}
