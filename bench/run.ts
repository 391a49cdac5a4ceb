/**
 * `npm run bench [-- name …]`: runs every bench/*.bench.ts (or the named
 * ones, e.g. `catalog` for bench/catalog.bench.ts), each in its own process
 * because a bench points the server modules at its own database on import.
 * Each bench prints a markdown table; docs/performance.md records them.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../scripts/lib/server-node-args";

const dir = import.meta.dirname;
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`Unknown bench ${unknown.join(", ")}. Available: ${all.join(", ")}`);
  process.exit(2);
}

let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n## ${name}\n`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [...SERVER_NODE_ARGS, path.join(dir, `${name}.bench.ts`)], {
      stdio: "inherit",
      env: process.env,
    });
    child.on("exit", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${code})`);
  }
}
process.exit(failed ? 1 : 0);
