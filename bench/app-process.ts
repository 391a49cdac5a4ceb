/**
 * Process management shared by the benches that drive a production build:
 * build once into its own dist dir, start `next start` (or any helper
 * process) with the fd limit raised, wait until it answers, sample its RSS
 * from /proc, and stop the whole process group it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
/** Its own dist dir, so a bench build never collides with `npm run dev` or the e2e build. */
export const BENCH_DIST_DIR = ".next-bench";

/** Progress lines go to stderr; stdout carries only the bench's markdown. */
export const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** PATH with this Node (24) first: `next` and child scripts start with `#!/usr/bin/env node`. */
export function childPath(): string {
  return `${path.dirname(process.execPath)}:${process.env.PATH ?? ""}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** CPU count and load average, printed before and after every run (the CPU is shared). */
export function machineLine(label: string): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(2));
  return `${label}: ${os.cpus().length} CPUs, load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min)`;
}

/**
 * `next build` into BENCH_DIST_DIR, skipped when BENCH_SKIP_BUILD=1 and a
 * build is there. A build may rewrite tsconfig.json; its content is put back.
 */
export async function buildApp(env: Record<string, string>): Promise<void> {
  const dist = path.join(root, BENCH_DIST_DIR);
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(dist, "BUILD_ID"))) {
    note(`BENCH_SKIP_BUILD=1: using the existing build in ${BENCH_DIST_DIR}`);
    return;
  }
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  note(`next build into ${BENCH_DIST_DIR} (a few minutes on 2 cores)`);
  const started = performance.now();
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(nextBin, ["build"], {
        cwd: root,
        env: { ...process.env, ...env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", PATH: childPath() },
        stdio: ["ignore", 2, 2],
      });
      child.on("exit", (exit) => resolve(exit ?? 1));
    });
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) {
      writeFileSync(tsconfig, before);
      note("next build rewrote tsconfig.json; restored its previous content");
    }
  }
  note(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface ManagedProcess {
  /** The process spawned (bash exec'd into the command, so the command itself). */
  pid: number;
  logFile: string;
  child: ChildProcess;
  /** The last lines of its log, for error messages. */
  tail(lines?: number): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/**
 * Spawns `command args…` in its own process group with the open-file limit
 * raised to the hard limit (at most 65536; containers often cap it lower),
 * stdout and stderr to a log file under the temp dir.
 */
export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): ManagedProcess {
  const logFile = path.join(os.tmpdir(), `bureau-bench-${name}-${process.pid}.log`);
  const log = openSync(logFile, "w");
  const script =
    'hard=$(ulimit -Hn); want=65536; [ "$hard" != unlimited ] && [ "$hard" -lt $want ] && want=$hard; ' +
    'ulimit -n "$want"; exec "$@"';
  const child = spawn("bash", ["-c", script, "bash", command, ...args], {
    cwd: root,
    env: { ...process.env, ...env, PATH: childPath() },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  let done = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      done = true;
      resolve();
    }),
  );
  return {
    pid: child.pid!,
    logFile,
    child,
    tail: (lines = 30) => readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n"),
    exited: () => done,
    async stop() {
      if (done) return;
      // The group: next start's own workers die with it.
      process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => {
        if (!done) process.kill(-child.pid!, "SIGKILL");
      }, 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** A helper script of bench/ (TypeScript, server modules allowed) as a managed process. */
export function spawnBenchScript(name: string, script: string, args: string[], env: Record<string, string>) {
  return spawnManaged(
    name,
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, script), ...args],
    env,
  );
}

export interface AppProcess extends ManagedProcess {
  url: string;
  /** The next-server process, whose RSS the benches report. */
  serverPid: number;
}

/** `next start` of the bench build on 127.0.0.1:port, resolved once /api/health answers 200. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const app = spawnManaged("app", nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    ...env,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  });
  await waitUntilAnswers(`${url}/api/health`, app, 120_000);
  const serverPid = findServerPid(app.pid);
  note(`app ready at ${url} (pid ${app.pid}, next-server pid ${serverPid}, log ${app.logFile})`);
  return { ...app, url, serverPid };
}

/** Polls url until it answers 200; fails early with the log tail if the process died. */
export async function waitUntilAnswers(url: string, proc: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exited()) throw new Error(`${url}: process exited before answering\n${proc.tail()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms\n${proc.tail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function parentOf(pid: number): number | null {
  try {
    // Fields after the parenthesised command: state, ppid, …
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function descendants(rootPid: number): number[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const pid of all)
      if (!tree.has(pid) && tree.has(parentOf(pid) ?? -1)) {
        tree.add(pid);
        grew = true;
      }
  }
  return [...tree];
}

/** The process in the tree titled next-server (Next.js sets it), else the largest one. */
export function findServerPid(rootPid: number): number {
  const tree = descendants(rootPid);
  const titled = tree.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next-server");
    } catch {
      return false;
    }
  });
  return titled ?? tree.sort((a, b) => rssKb(b) - rssKb(a))[0]!;
}

/** VmRSS of a process in kB (0 once it is gone). */
export function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every intervalMs until stop(). */
export function sampleRss(pid: number, intervalMs = 1_000) {
  const samples: { atMs: number; kb: number }[] = [];
  const started = performance.now();
  const take = () => samples.push({ atMs: performance.now() - started, kb: rssKb(pid) });
  take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    peakKb: () => Math.max(...samples.map((s) => s.kb)),
    stop() {
      clearInterval(timer);
      take();
      return { peakKb: Math.max(...samples.map((s) => s.kb)), lastKb: samples.at(-1)!.kb, samples };
    },
  };
}

export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
