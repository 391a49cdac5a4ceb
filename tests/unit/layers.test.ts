import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of docs/architecture.md, checked over the real source:
 * server modules are marked server-only, browser code never reaches them,
 * and services and adapters never import a door. (Import cycles are lint's:
 * import-x/no-cycle.)
 */
const root = path.resolve(import.meta.dirname, "../..");

/**
 * Modules the browser shares with the server: zod schemas, constants, types,
 * and Prisma's generated enums file (plain constants; the generated client
 * itself, models and runtime, stays out).
 */
const SHARED = [
  /^server\/schemas\//,
  /\.types\.ts$/,
  /^server\/auth\/(roles|api-key-scopes|mcp-oauth-scopes)\.ts$/,
  /^server\/generated\/prisma\/enums\.ts$/,
];
const DOORS = [
  /^server\/gateway\//,
  /^server\/trpc\//,
  /^server\/rest\//,
  /^server\/mcp\//,
  /^app\//,
  /^inngest\/functions\//,
];
const LOWER_LAYERS = [/^server\/(services|a2a|net|jobs|stripe|mail|schemas|seed|demo-agents)\//, /^server\/db\.ts$/];

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}

const source = new Map<string, string>();
const read = (rel: string) => {
  if (!source.has(rel)) source.set(rel, readFileSync(path.join(root, rel), "utf8"));
  return source.get(rel)!;
};

/** Runtime imports (type-only imports vanish at build time) resolved to repo files. */
function imports(rel: string): string[] {
  const text = read(rel);
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith("@/")
      ? spec.slice(2)
      : spec.startsWith(".")
        ? path.posix.join(path.posix.dirname(rel), spec)
        : null;
    if (base === null) return [];
    const hit = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(
      (p) => existsSync(path.join(root, p)) && statSync(path.join(root, p)).isFile(),
    );
    return hit ? [hit] : [];
  });
}

const serverFiles = [...walk("server"), ...walk("inngest")];
const isShared = (rel: string) => SHARED.some((re) => re.test(rel));
const marked = (rel: string) => /^import "server-only";$/m.test(read(rel));

describe("layers", () => {
  it("marks every server module server-only, except the schemas and types the browser shares", () => {
    const unmarked = serverFiles.filter((rel) => !isShared(rel) && !marked(rel));
    expect(unmarked).toEqual([]);
  });

  it("keeps browser code away from server modules, the database and the generated Prisma client", () => {
    const clientEntries = [...walk("components"), ...walk("app")].filter((rel) =>
      /^\s*["']use client["']/.test(read(rel)),
    );
    expect(clientEntries.length).toBeGreaterThan(20);
    const offending: string[] = [];
    for (const entry of clientEntries) {
      const seen = new Set<string>();
      const queue = [entry];
      while (queue.length) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        if (file.startsWith("server/") && (!isShared(file) || marked(file))) offending.push(`${entry} -> ${file}`);
        queue.push(...imports(file));
      }
    }
    expect(offending).toEqual([]);
  });

  it("never lets a service or adapter import a door", () => {
    const upward = serverFiles
      .filter((rel) => LOWER_LAYERS.some((re) => re.test(rel)))
      .flatMap((rel) =>
        imports(rel)
          .filter((dep) => DOORS.some((re) => re.test(dep)))
          .map((dep) => `${rel} -> ${dep}`),
      );
    expect(upward).toEqual([]);
  });
});
