import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_STRIPE_ENV } from "./tests/e2e/stripe-e2e";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

/** Debian's Chromium (CI installs it); CHROMIUM_PATH overrides. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  outputDir: "test-results/e2e",
  // The local Stripe API the app's STRIPE_API_BASE_URL points at.
  globalSetup: "./tests/e2e/stripe.global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /global\.setup\.ts/ },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["setup"] },
    {
      name: "ui",
      testMatch: /ui\/.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  // `npm test` builds the app and seeds the e2e database before this starts.
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    // Every browser here shares 127.0.0.1, so per-IP sign-up throttling would
    // trip on the suite's own sign-ups.
    env: {
      APP_URL: baseURL,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      AUTH_RATE_LIMIT: "off",
      // The seeded demo agents are served by this same app on 127.0.0.1.
      OUTBOUND_ALLOW_HOSTS: "127.0.0.1,localhost",
      // Slow enough that a run's progress and partial results can be seen before it ends.
      DEMO_AGENT_STEP_MS: process.env.DEMO_AGENT_STEP_MS ?? "700",
      ...E2E_STRIPE_ENV,
    },
  },
});
