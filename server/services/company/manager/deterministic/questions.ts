import "server-only";
import { departmentLabel } from "../org-tree";
import type { ManagerDepartment, ManagerDecision } from "../types";

/**
 * The questions a manager asks back: each says what it needs to go on and
 * which departments (and what their staff do) exist to take the work.
 */

type Question = Extract<ManagerDecision, { kind: "question" }>;

const question = (text: string): Question => ({ kind: "question", question: text });

/** "Finance (describe numbers, forecast review); Legal (clause check)". */
export function whoIsHere(departments: ManagerDepartment[]): string {
  const described = departments.map((d) => {
    const skills = [...new Set(d.positions.flatMap((p) => p.agent.skills.map((s) => s.name.toLowerCase())))];
    const what = skills.length ? skills.slice(0, 3).join(", ") : "no staff yet";
    return `${departmentLabel(d, departments)} (${what})`;
  });
  return described.length ? `The departments here: ${described.join("; ")}.` : "There are no departments yet.";
}

export const vagueRequest = (departments: ManagerDepartment[]): Question =>
  question(
    "What should be done, and about what? Say the work and its subject in a sentence, for example " +
      `"Review this NDA for missing clauses" or "Draft a blog post on our pricing change". ${whoIsHere(departments)}`,
  );

export const noStaff = (departments: ManagerDepartment[], scopeName: string | null): Question =>
  question(
    `${scopeName ?? "The company"} has no active staff to take this yet. Hire a position first, or ask a ` +
      `department that has staff. ${whoIsHere(departments)}`,
  );

export const nobodyFits = (request: string, departments: ManagerDepartment[]): Question =>
  question(
    `No one here covers "${request}". ${whoIsHere(departments)} Which of them should take it, or can you ` +
      "describe the work in their terms (what to produce or check, and about what)?",
  );

export const someUnplaced = (unplaced: string[], total: number, departments: ManagerDepartment[]): Question =>
  question(
    `I can place ${total - unplaced.length} of the ${total} parts of this request, but no one here covers ` +
      `${unplaced.map((p) => `"${p}"`).join(" or ")}. ${whoIsHere(departments)} Who should do that, ` +
      "or shall I leave it out?",
  );

export const whichOne = (request: string, options: string[]): Question =>
  question(
    `"${request}" could go to ${options.join(" or ")}. Which one, and what exactly should they do ` +
      "(what to produce or check, and about what)?",
  );

export const tooManyParts = (count: number, max: number): Question =>
  question(
    `This request holds ${count} pieces of work; one plan takes at most ${max}. Which should come first? ` +
      "Send the rest as another request.",
  );
