import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "@/scripts/lib/server-node-args";
import { isPortFree } from "@/scripts/lib/ports";
import { PortInUseError, startEmbeddedPostgres } from "@/scripts/lib/postgres";

const root = path.resolve(import.meta.dirname, "../..");
const open: net.Server[] = [];

/** Something else listening on a free port, as a second checkout's server would. */
async function occupyPort(host?: string): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host }, resolve));
  open.push(server);
  return (server.address() as net.AddressInfo).port;
}

async function freePort(): Promise<number> {
  const port = await occupyPort();
  await new Promise<void>((resolve) => open.pop()!.close(() => resolve()));
  return port;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** `npm run dev`'s script, for real, until it exits. */
function runDev(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, BUREAU_DEMO_FILE: path.join(os.tmpdir(), "unused.json") };
  // As a developer runs it: no database, no APP_URL (the test setup sets both).
  delete childEnv.DATABASE_URL;
  delete childEnv.APP_URL;
  Object.assign(childEnv, env);
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/dev.ts"], { cwd: root, env: childEnv });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run dev on a busy port", () => {
  it("ends with one sentence naming the app's port and PORT, exit code 1", async () => {
    const port = await occupyPort();
    const result = await runDev({ PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^Port ${port} \\(the app\\) is already in use: set PORT to a free port`)),
    ]);
    expect(result.stderr).not.toContain("undefined");
  });

  it("ends with one sentence naming the embedded Postgres port and EMBEDDED_PG_PORT, exit code 1", async () => {
    const pgPort = await occupyPort("127.0.0.1");
    const result = await runDev({ PORT: String(await freePort()), EMBEDDED_PG_PORT: String(pgPort) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Port ${pgPort} \\(the embedded PostgreSQL\\) is already in use`));
    expect(lines[0]).toMatch(/set EMBEDDED_PG_PORT to a free port, e\.g\. `EMBEDDED_PG_PORT=\d+ npm run dev`\.$/);
  });

  it("isPortFree sees a listener on 127.0.0.1, on ::1 and on every address", async () => {
    for (const host of ["127.0.0.1", "::1", undefined]) {
      const port = await occupyPort(host);
      expect(await isPortFree(port)).toBe(false);
    }
    expect(await isPortFree(await freePort())).toBe(true);
  });

  it("the embedded Postgres itself reports a port taken after the check as PortInUseError", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bureau-pg-busy-"));
    try {
      const port = await occupyPort("127.0.0.1");
      const started = startEmbeddedPostgres({ dir, port, persistent: false });
      await expect(started).rejects.toBeInstanceOf(PortInUseError);
      await expect(started).rejects.toThrow(`Port ${port} is already in use.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the durable engine at start", () => {
  it("prints no pg warning about queued queries on one client", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    const { startJobEngine, stopJobEngine } = await import("@/server/jobs/engine");
    const { allFunctions } = await import("@/inngest/functions");
    try {
      await startJobEngine(allFunctions);
      // DBOS opens its pool connections while launching and polling its queues.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await stopJobEngine();
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
  }, 60_000);
});
