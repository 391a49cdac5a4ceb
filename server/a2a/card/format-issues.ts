import "server-only";
import type { z } from "zod";

/** `skills[0].name` style path; "the card" for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "The card";
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

const KIND: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

function describeValue(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  return KIND[typeof input] ?? typeof input;
}

/** One zod issue as a sentence a seller can act on, prefixed by where it is. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `${where} is missing.`
        : `${where} should be ${KIND[issue.expected] ?? issue.expected}, but it is ${describeValue(issue.input)}.`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? `${where} is empty.`
          : `${where} is shorter than ${issue.minimum} characters.`;
      if (issue.origin === "array")
        return `${where} needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? "entry" : "entries"}.`;
      return `${where} is too small.`;
    case "too_big":
      if (issue.origin === "string") return `${where} is longer than ${issue.maximum} characters.`;
      if (issue.origin === "array") return `${where} has more than ${issue.maximum} entries.`;
      return `${where} is too large.`;
    default:
      return `${where} ${issue.message.replace(/^./, (c) => c.toLowerCase()).replace(/\.?$/, ".")}`;
  }
}
