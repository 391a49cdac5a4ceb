import "server-only";
import type { z } from "zod";
import { DomainError } from "../../../errors";
import { slugify } from "../../registry/slug";

/**
 * Parses one field with its schema (company-limits.types.ts), refusing bad
 * input with the schema's own sentence as invalid_input: the services check
 * what every door hands them, so a seed, a REST call and a form all get the
 * same refusal, and nothing is written.
 */
export function field<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new DomainError("invalid_input", parsed.error.issues[0]?.message ?? "That value is not valid.");
  return parsed.data;
}

/** Like field, for an optional change: undefined stays undefined (no change). */
export function change<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  return value === undefined ? undefined : field(schema, value);
}

/** "Customer Support & Success" -> "customer-support-success"; the A2A path segment of a department. */
export const departmentSlug = (name: string): string => slugify(name, "department");
