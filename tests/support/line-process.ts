import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { SERVER_NODE_ARGS } from "@/scripts/lib/server-node-args";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a support script (tests/support/*-process.ts) as its own server
 * process that reports in JSON lines on stdout; `next()` reads its next line
 * (and fails if the process exited). The caller kills the child.
 */
export function spawnLineProcess(script: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, script, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`${path.basename(script)} exited`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  return { child, next };
}
