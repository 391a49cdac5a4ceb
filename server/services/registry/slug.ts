import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "../../db";

/** "Northwind Data Analyst!" -> "northwind-data-analyst" (`fallback` when nothing of the name is left). */
export function slugify(name: string, fallback = "agent"): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return base || fallback;
}

/** A slug no listing has yet: the plain one if free, else with a short random suffix. */
export async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await tx.agent.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
  return `${base}-${randomBytes(6).toString("hex")}`;
}
