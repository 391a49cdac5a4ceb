import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          // Pure tests never connect; env.ts only needs a syntactically valid URL.
          env: { DATABASE_URL: "postgresql://unit-tests.invalid:5432/none", LOG_LEVEL: "silent" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          env: {
            LOG_LEVEL: "silent",
            NODE_ENV: "test",
            // Postgres paths unless a test opts in (tests/support/redis-test-env.ts); LISTEN on the worker's database.
            REDIS_URL: "",
            DATABASE_DIRECT_URL: "",
            JOBS_RETRY_BASE_MS: "50",
            DEMO_AGENT_STEP_MS: "60",
            OUTBOUND_ALLOW_HOSTS: "127.0.0.1,localhost",
          },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
