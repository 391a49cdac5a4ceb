import "server-only";
import { isFit, rankStaff } from "../match/match-staff";
import { buildStaffIndex, type StaffIndex } from "../match/staff-index";
import { departmentLabel, scopeDepartment, staffById, subtreeSlugs } from "../org-tree";
import { decisionFromParts, finalizeParts, MAX_PARTS, planSummary, type DraftPart } from "../plan-parts";
import { lexemeOf, lexemesOf } from "../text/lexemes";
import { dataReferences, definiteLexemes, refersToPrevious } from "../text/references";
import { meaningfulCount, splitRequest, type Clause } from "../text/split-request";
import { GENERIC_VERBS, leadingVerb } from "../text/tokens";
import type { ManagerDecision, ManagerInput } from "../types";
import { assign, type AssignScope, type Assignment } from "./assign";
import { nobodyFits, noStaff, someUnplaced, tooManyParts, vagueRequest, whichOne } from "./questions";

/**
 * The built-in manager: no model, same answer for the same input. It cuts
 * the request into parts (split-request.ts), gives each part to the position
 * whose skills cover it best (assign.ts), puts first the figures a part needs
 * from another department ("a post on our Q3 numbers" needs Finance), orders
 * parts that use an earlier part's result after it ("… and check it"), and
 * asks back when the request is too vague or names work nobody here does.
 */

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);

/** The earlier clause this one builds on, if any. */
function dependency(clauses: Clause[], i: number): number | null {
  const clause = clauses[i]!;
  if (i === 0) return null;
  if (clause.connector === "then" || refersToPrevious(clause.core)) return i - 1;
  if (clause.connector === "also") return null;
  const named = definiteLexemes(clause.core);
  for (let j = i - 1; j >= 0; j--) {
    if ([...lexemesOf(clauses[j]!.core)].some((l) => named.has(l))) return j;
  }
  return null;
}

/**
 * Whether the clause asks for a kind of work no one here names at all
 * ("Translate …" with no translator): its verb is specific and in no
 * position's skills, so matching its object ("our pricing page") would pick
 * the wrong person.
 */
function doesUnknownWork(text: string, index: StaffIndex): boolean {
  const verb = leadingVerb(text);
  if (!verb || GENERIC_VERBS.has(verb)) return false;
  const lexeme = lexemeOf(verb);
  return !!lexeme && !index.weights.has(lexeme);
}

/** Parts that fetch the figures a clause mentions from the department that keeps them. */
function prerequisites(clause: Clause, assignment: Assignment, scope: AssignScope): DraftPart[] {
  const found: DraftPart[] = [];
  for (const ref of dataReferences(clause.core)) {
    const owner = rankStaff(scope.index, ref.phrase).find((m) => isFit(m) && m.matchedLexemes.has(ref.head));
    if (!owner || owner.entry.department.slug === assignment.match.entry.department.slug) continue;
    const key = `data_${owner.entry.position.positionId}_${ref.head}`;
    if (found.some((d) => d.key === key)) continue;
    const keeper = departmentLabel(owner.entry.department, scope.index.departments);
    found.push({
      key,
      text: `Pull together ${ref.phrase} and summarise what they show, for this task: ${clause.text}`,
      positionId: owner.entry.position.positionId,
      dependsOn: [],
      reason: `"${short(clause.text)}" needs ${ref.phrase}, which ${keeper} keeps: this comes first. ${owner.reason}`,
    });
  }
  return found;
}

/** Two words leave room for doubt: name the candidates when more than one department fits part of it. */
function ambiguity(request: string, scope: AssignScope): ManagerDecision {
  const departments = scope.index.departments;
  const candidates = rankStaff(scope.index, request).filter(isFit);
  const options = [
    ...new Set(
      candidates.map((m) => `${m.entry.position.title} (${departmentLabel(m.entry.department, departments)})`),
    ),
  ];
  return options.length >= 2 ? whichOne(request, options.slice(0, 3)) : vagueRequest(departments);
}

export function decideDeterministically(input: ManagerInput): ManagerDecision {
  const department = scopeDepartment(input);
  const request = input.request.trim();
  const words = meaningfulCount(request);
  if (words < 2) return vagueRequest(input.departments);
  const staff = staffById(input.departments);
  const ownSlugs = department ? subtreeSlugs(input.departments, department.slug) : null;
  if (staff.size === 0) return noStaff(input.departments, department?.name ?? null);
  const index = buildStaffIndex(staff.values(), input.departments);
  const scope: AssignScope = { index, own: department && ownSlugs ? { department, slugs: ownSlugs } : null };

  const clauses = splitRequest(request);
  const strict = words < 3;
  const assignments = clauses.map((c) => (doesUnknownWork(c.core, index) ? null : assign(c.core, scope, { strict })));
  if (strict && !assignments[0]) return ambiguity(request, scope);
  const unplaced = clauses.filter((_, i) => !assignments[i]).map((c) => c.text);
  if (unplaced.length === clauses.length) return nobodyFits(request, input.departments);
  if (unplaced.length) return someUnplaced(unplaced, clauses.length, input.departments);

  const drafts: DraftPart[] = [];
  clauses.forEach((clause, i) => {
    const assignment = assignments[i]!;
    const before = prerequisites(clause, assignment, scope);
    drafts.push(...before.filter((p) => !drafts.some((d) => d.key === p.key)));
    const after = dependency(clauses, i);
    const notes =
      after === null ? "" : ` It works on the result of "${short(clauses[after]!.text)}", so it runs after it.`;
    drafts.push({
      key: `clause_${i}`,
      text: clause.text,
      positionId: assignment.match.entry.position.positionId,
      dependsOn: [...before.map((p) => p.key), ...(after === null ? [] : [`clause_${after}`])],
      reason: assignment.reason + notes,
    });
  });

  if (drafts.length > MAX_PARTS) return tooManyParts(drafts.length, MAX_PARTS);
  const parts = finalizeParts(drafts, staff);
  const ctx = { request, staff, departments: input.departments };
  const added = drafts.length - clauses.length;
  const planReason =
    `Split into ${clauses.length} part${clauses.length === 1 ? "" : "s"}` +
    (added ? ` plus ${added} to gather the figures ${added === 1 ? "it needs" : "they need"} first` : "") +
    `:\n${planSummary(parts, ctx)}`;
  return decisionFromParts(parts, ctx, { planReason, matchedTerms: assignments[0]!.match.matchedTerms });
}
