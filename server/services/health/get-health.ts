import "server-only";
import { db } from "../../db";
import { logger } from "../../logger";
import { jobEngineStatus } from "../../jobs/status";

export interface Health {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; latencyMs?: number };
  jobs: ReturnType<typeof jobEngineStatus>;
  time: string;
}

const DB_TIMEOUT_MS = 2_000;

export async function getHealth(): Promise<Health> {
  const started = performance.now();
  let database: Health["database"];
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("database check timed out")), DB_TIMEOUT_MS).unref(),
      ),
    ]);
    database = { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    logger.warn({ err: error }, "health: database unreachable");
    database = { status: "down" };
  }
  return {
    status: database.status === "up" ? "ok" : "degraded",
    database,
    jobs: jobEngineStatus(),
    time: new Date().toISOString(),
  };
}
