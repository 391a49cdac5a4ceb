import "server-only";
import { departmentLabel, describePolicy, scopeDepartment } from "./org-tree";
import type { ManagerDepartment, ManagerInput } from "./types";

/**
 * What a manager that is not Bureau's own is told: the rules of a plan, the
 * reply's JSON shape, the org's departments with their staff (positions by
 * id, with skills and prices), and the request. The LLM manager and a
 * position named as its department's manager read the same text.
 */

const REPLY_SHAPE = `{
  "kind": "plan" | "question",
  "question": string | null,
  "parts": [
    { "id": string, "text": string, "positionId": string, "dependsOn": [part ids], "reason": string }
  ]
}`;

export const MANAGER_RULES = [
  'You are the manager of a company whose departments are staffed by AI agents ("positions").',
  "Read the request and decide who does what.",
  "- If one position can do the whole request, answer a plan with exactly one part.",
  "- If the request holds several pieces of work, split it into parts and give each to the position whose " +
    "skills fit it best. The answering department prefers its own staff and its teams, and hands a part to " +
    "another department only when none of its own fits.",
  "- If a part needs figures or material another department keeps (for example a post on our Q3 numbers " +
    "needs Finance's numbers), add a part for that department first.",
  "- A part that needs another part's output lists that part's id in \"dependsOn\"; independent parts list " +
    "nothing and run at the same time. No cycles.",
  '- Write each part\'s "text" as the complete instruction its position receives; it also gets the outputs ' +
    "of the parts it depends on.",
  '- Give each part a short "reason" naming the skill that fits.',
  "- Refer to positions only by their positionId from the staff list below.",
  '- If the request is too vague to act on, or no position can do it, answer "kind": "question" with a ' +
    'question that says what you need to know and which departments exist, and "parts": [].',
  "Answer with JSON only, in this shape:",
  REPLY_SHAPE,
].join("\n");

function department(d: ManagerDepartment, departments: ManagerDepartment[]): string {
  const head =
    `- ${departmentLabel(d, departments)} (slug "${d.slug}"; ${describePolicy(d.approvalPolicy)})` +
    (d.mission ? `: ${d.mission}` : "");
  const staff = d.positions.map((p) => {
    const skills = p.agent.skills.map((s) => {
      const examples = s.examples.slice(0, 2).map((e) => `"${e}"`);
      return (
        `      · ${s.name}: ${s.description}` +
        (s.tags.length ? ` [${s.tags.join(", ")}]` : "") +
        (examples.length ? ` e.g. ${examples.join("; ")}` : "")
      );
    });
    return [
      `  - positionId "${p.positionId}": ${p.title}, ${p.agent.priceCredits} credits per task. ${p.agent.description}`,
      ...skills,
    ].join("\n");
  });
  return [head, ...(staff.length ? staff : ["  (no staff)"])].join("\n");
}

export function staffListing(input: ManagerInput): string {
  return input.departments.map((d) => department(d, input.departments)).join("\n");
}

/** The request with who is answering it and the staff; what the model (or position) reads after the rules. */
export function managerRequestText(input: ManagerInput): string {
  const scope = scopeDepartment(input);
  const answering = scope
    ? `You answer for the ${departmentLabel(scope, input.departments)} department (slug "${scope.slug}").`
    : "You answer for the whole company: route among all departments.";
  const request = `The request:\n"""\n${input.request.trim()}\n"""`;
  const known = input.knowledge?.length
    ? `\n\nWhat the company knows that may bear on it:\n` +
      input.knowledge.map((k) => `- ${k.entity}: ${k.text}`).join("\n")
    : "";
  return `${answering}\n\nDepartments and staff:\n${staffListing(input)}${known}\n\n${request}`;
}
