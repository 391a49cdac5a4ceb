import { NODE_ID_PATTERN } from "@/server/schemas/workflow-graph";

const MAX_ID = 40;

/**
 * The id stem a new id grows from: `agent_2` and `agent` share `agent`, so a
 * copy of `agent_2` becomes `agent_3` rather than `agent_2_2`. Anything that
 * is not already an identifier is folded into one.
 */
export function idStem(base: string): string {
  const folded = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "");
  const stem = folded.replace(/_\d+$/, "") || "step";
  return stem.slice(0, MAX_ID - 4).replace(/_+$/, "") || "step";
}

/**
 * The first free id for `base`: the stem itself, then `stem_2`, `stem_3`, …
 * Always matches NODE_ID_PATTERN.
 */
export function nextNodeId(base: string, taken: ReadonlySet<string>): string {
  const stem = idStem(base);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id) && NODE_ID_PATTERN.test(id)) return id;
  }
}

/** Deterministic edge ids, so the same connection always gets the same id; suffixed when taken. */
export function nextEdgeId(
  edge: { source: string; target: string; branch?: "true" | "false" },
  taken: ReadonlySet<string>,
): string {
  const stem = ["e", edge.source, edge.branch, edge.target].filter(Boolean).join("_").slice(0, 90);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) return id;
  }
}
