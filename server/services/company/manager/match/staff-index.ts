import "server-only";
import { rarityWeight } from "../../../registry/need-words";
import type { Staffed } from "../org-tree";
import { lexemesOf } from "../text/lexemes";
import type { ManagerDepartment, StaffSkill } from "../types";

/**
 * The org's staff as the manager searches them: one document per position
 * (its skills' names, descriptions, tags and examples, its title, agent and
 * standing instructions, its department's name and mission), each field
 * weighted like a search vector's A-D labels: a skill's name or a title says
 * more about the position than an example sentence or a mission statement.
 */

export type FieldKind =
  | "skill name"
  | "skill tags"
  | "skill description"
  | "skill examples"
  | "title"
  | "agent"
  | "agent description"
  | "instructions"
  | "department"
  | "mission"
  | "parent department";

const FIELD_FACTOR: Record<FieldKind, number> = {
  "skill name": 1,
  "skill tags": 1,
  title: 1,
  department: 0.9,
  "skill description": 0.85,
  "agent description": 0.8,
  "skill examples": 0.7,
  agent: 0.6,
  mission: 0.6,
  instructions: 0.5,
  "parent department": 0.5,
};

export interface IndexedField {
  kind: FieldKind;
  /** The skill the field belongs to (skill fields only). */
  skill?: StaffSkill;
  lexemes: Set<string>;
  factor: number;
}

export interface StaffEntry extends Staffed {
  fields: IndexedField[];
  /** Each lexeme of the document, with the factor of the strongest field holding it. */
  strength: Map<string, number>;
}

export interface StaffIndex {
  entries: StaffEntry[];
  departments: ManagerDepartment[];
  /** Rarity weight of each lexeme some position uses. */
  weights: Map<string, number>;
  /** What a word no position uses weighs: as much as the rarest word, since it names something nobody here does. */
  unknownWeight: number;
}

function fieldsOf({ position, department }: Staffed, departments: ManagerDepartment[]): IndexedField[] {
  const field = (kind: FieldKind, text: string, skill?: StaffSkill): IndexedField => ({
    kind,
    skill,
    lexemes: lexemesOf(text),
    factor: FIELD_FACTOR[kind],
  });
  const parents: string[] = [];
  for (let p = department.parentSlug; p;) {
    const parent = departments.find((d) => d.slug === p);
    if (!parent || parents.includes(parent.name)) break;
    parents.push(parent.name);
    p = parent.parentSlug;
  }
  return [
    ...position.agent.skills.flatMap((skill) => [
      field("skill name", skill.name, skill),
      field("skill tags", skill.tags.join(" "), skill),
      field("skill description", skill.description, skill),
      field("skill examples", skill.examples.join("\n"), skill),
    ]),
    field("title", position.title),
    field("agent", position.agent.name),
    field("agent description", position.agent.description),
    field("instructions", position.instructions),
    field("department", department.name),
    field("mission", department.mission),
    field("parent department", parents.join(" ")),
  ].filter((f) => f.lexemes.size > 0);
}

export function buildStaffIndex(staff: Iterable<Staffed>, departments: ManagerDepartment[]): StaffIndex {
  const entries = [...staff].map((s): StaffEntry => {
    const fields = fieldsOf(s, departments);
    const strength = new Map<string, number>();
    for (const f of fields) {
      for (const l of f.lexemes) strength.set(l, Math.max(strength.get(l) ?? 0, f.factor));
    }
    return { ...s, fields, strength };
  });
  const documentFrequency = new Map<string, number>();
  for (const entry of entries) {
    for (const l of entry.strength.keys()) documentFrequency.set(l, (documentFrequency.get(l) ?? 0) + 1);
  }
  const weights = new Map([...documentFrequency].map(([l, df]) => [l, rarityWeight(df / entries.length)] as const));
  return { entries, departments, weights, unknownWeight: rarityWeight(1 / Math.max(1, entries.length)) };
}
