import "server-only";
export interface CardChange {
  /** e.g. `skills[id=translate].examples[1]` */
  path: string;
  kind: "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Stable JSON with sorted keys, so two equal cards compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const show = (value: unknown): string | null => {
  if (value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** Lists of objects with string ids (skills) are matched by id, other lists by position. */
function keyedById(list: unknown[]): Map<string, unknown> | null {
  const map = new Map<string, unknown>();
  for (const item of list) {
    if (!isRecord(item) || typeof item.id !== "string" || map.has(item.id)) return null;
    map.set(item.id, item);
  }
  return map;
}

/** What changed between two card snapshots, leaf by leaf, for the seller's version history. */
export function diffCards(before: unknown, after: unknown, path = ""): CardChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffCards(before[k], after[k], at(k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const a = keyedById(before);
    const b = keyedById(after);
    if (a && b) {
      const ids = [...new Set([...a.keys(), ...b.keys()])];
      return ids.flatMap((id) => diffCards(a.get(id), b.get(id), `${path}[id=${id}]`));
    }
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffCards(before[i], after[i], `${path}[${i}]`)).flat();
  }
  const kind = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  return [{ path: path || "(card)", kind, before: show(before), after: show(after) }];
}
