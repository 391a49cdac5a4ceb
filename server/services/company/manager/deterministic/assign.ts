import "server-only";
import { isFit, rankStaff, type StaffMatch } from "../match/match-staff";
import type { StaffEntry, StaffIndex } from "../match/staff-index";
import { departmentLabel } from "../org-tree";
import type { ManagerDepartment } from "../types";

/**
 * Who takes a piece of text. The company's manager picks the best fit in the
 * whole org. A department's manager keeps it with its own staff (its teams
 * included) when one of them fits about as well as anyone, and otherwise
 * hands it to the best-fitting other department, saying so.
 */

/** Own staff keep the work unless someone elsewhere fits this much better. */
const HAND_OFF_RATIO = 0.6;

export interface Assignment {
  match: StaffMatch;
  reason: string;
}

export interface AssignScope {
  index: StaffIndex;
  /** The answering department and its teams; null for the company. */
  own: { department: ManagerDepartment; slugs: Set<string> } | null;
}

const inScope = (scope: AssignScope, entry: StaffEntry) => !scope.own || scope.own.slugs.has(entry.department.slug);

export function assign(text: string, scope: AssignScope, options: { strict?: boolean } = {}): Assignment | null {
  // Strict (a two-word request): only a position covering every word, so "Review Zorblax" is asked back.
  const ranked = rankStaff(scope.index, text).filter((m) => isFit(m) && (!options.strict || m.missing.length === 0));
  if (!scope.own) return ranked[0] ? { match: ranked[0], reason: ranked[0].reason } : null;
  const own = ranked.find((m) => inScope(scope, m.entry));
  const other = ranked.find((m) => !inScope(scope, m.entry));
  if (own && (!other || own.score >= HAND_OFF_RATIO * other.score)) return { match: own, reason: own.reason };
  if (!other) return null;
  const closest = rankStaff(
    scope.index,
    text,
    scope.index.entries.filter((e) => inScope(scope, e)),
  )[0];
  const why = closest
    ? `none of ${scope.own.department.name}'s staff fits it well (closest: ${closest.entry.position.title}, ` +
      `on ${closest.matchedTerms.map((t) => `'${t}'`).join(", ")})`
    : `none of ${scope.own.department.name}'s staff covers it`;
  const to = departmentLabel(other.entry.department, scope.index.departments);
  return { match: other, reason: `Handed to ${to}: ${why}. ${other.reason}` };
}
