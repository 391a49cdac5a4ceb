import type { GraphIssue } from "./types";

/** The nodes an issue is about: its node, and every node of a cycle. */
export const issueNodeIds = (issue: GraphIssue): Set<string> =>
  new Set([...(issue.nodeId ? [issue.nodeId] : []), ...(issue.nodeIds ?? [])]);

export function issuesByNode(issues: readonly GraphIssue[]): Map<string, GraphIssue[]> {
  const out = new Map<string, GraphIssue[]>();
  for (const issue of issues) {
    for (const id of issueNodeIds(issue)) out.set(id, [...(out.get(id) ?? []), issue]);
  }
  return out;
}

/** "config.template" and "template" name the same field. */
export const issueField = (issue: GraphIssue) => issue.field?.replace(/^config\./, "");

export function countBySeverity(issues: readonly GraphIssue[]) {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** The issue's position as an offset into `text`, clamped to it; null without a position. */
export function issueOffset(text: string, position: GraphIssue["position"]): number | null {
  if (position === undefined) return null;
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.floor(n)));
  if (typeof position === "number") return clamp(position);
  if (position.offset !== undefined) return clamp(position.offset);
  // Only line and column: count the lines.
  const lines = text.split("\n");
  const line = Math.max(1, Math.min(lines.length, position.line));
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return Math.min(offset + Math.max(0, position.column - 1), offset + lines[line - 1]!.length);
}

/** The line holding `offset`, and where in it: what the caret marker under a field draws. */
export function caretAt(text: string, offset: number): { line: number; column: number; lineText: string } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const start = before.lastIndexOf("\n") + 1;
  const end = text.indexOf("\n", offset);
  return { line, column: offset - start + 1, lineText: text.slice(start, end === -1 ? undefined : end) };
}
