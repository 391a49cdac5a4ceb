import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DemoSeedResult } from "../../server/seed/seed-demo";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");
// Tests point this elsewhere so they never overwrite a developer's demo file.
const DEMO_FILE = process.env.BUREAU_DEMO_FILE ?? path.join(DATA_DIR, "demo.json");

export function readDemoApiKey(): string | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(DEMO_FILE, "utf8"));
    const key = (parsed as { apiKey?: unknown }).apiKey;
    return typeof key === "string" ? key : null;
  } catch {
    return null;
  }
}

/** .data/demo.json: what a local user or script needs to try the demo. Git-ignored. */
export function writeDemoFile(baseUrl: string, seed: DemoSeedResult): string {
  mkdirSync(path.dirname(DEMO_FILE), { recursive: true });
  writeFileSync(DEMO_FILE, `${JSON.stringify({ baseUrl, users: seed.users, apiKey: seed.apiKey }, null, 2)}\n`, {
    mode: 0o600,
  });
  return DEMO_FILE;
}
