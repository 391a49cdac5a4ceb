/**
 * `npm run bench -- console-frames`: frame times of /console while synthetic
 * events pour into its live feed (the ?feedbench=1 panel: 3 s at each rate,
 * through the same buffer the SSE frames use), in headless Chromium against a
 * running app. The page measures; this prints the figures.
 *
 *   CONSOLE_BENCH_URL   the running app (dev or `npm start`), e.g. http://127.0.0.1:3000
 *   CONSOLE_BENCH_EMAIL a member to sign in as (default owner@acme.test, the demo seed)
 *   CONSOLE_BENCH_PASSWORD                     (default bureau-demo)
 *   CONSOLE_BENCH_RATES events/s, comma-separated (default 0,1000,2000; 0 = the idle page)
 *   CONSOLE_BENCH_RUNS  runs per rate (default 3)
 *   CHROMIUM_PATH       the browser (default /usr/bin/chromium)
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import type { FeedBenchResult as Result } from "../components/console/feed-bench";

const base = process.env.CONSOLE_BENCH_URL;
if (!base) {
  console.log("Not run: set CONSOLE_BENCH_URL to a running Bureau (e.g. http://127.0.0.1:3000 after `npm run dev`).");
  process.exit(0);
}
const email = process.env.CONSOLE_BENCH_EMAIL ?? "owner@acme.test";
const password = process.env.CONSOLE_BENCH_PASSWORD ?? "bureau-demo";
const rates = (process.env.CONSOLE_BENCH_RATES ?? "0,1000,2000").split(",").map(Number);
const runs = Number(process.env.CONSOLE_BENCH_RUNS ?? 3);
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/(dashboard|onboarding)/, { timeout: 60_000 });

  console.log("| events/s | run | events shown | frames | p50 frame | p95 frame | max frame |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const rate of rates) {
    for (let run = 1; run <= runs; run++) {
      // A fresh page each run: the feed starts empty, as a newly opened console does.
      await page.goto(`${base}/console?feedbench=1&rate=${rate}`);
      await page.getByTestId("feed-status").filter({ hasText: "Live" }).waitFor({ timeout: 60_000 });
      await page.getByTestId("feedbench-run").click();
      const cell = page.getByTestId("feedbench-result");
      await cell.waitFor({ timeout: 60_000 });
      const r = JSON.parse((await cell.getAttribute("data-result"))!) as Result;
      console.log(
        `| ${rate.toLocaleString("en-US")} | ${run} | ${r.eventsAccepted.toLocaleString("en-US")} | ${r.frames} | ` +
          `${r.p50FrameMs} ms | ${r.p95FrameMs} ms | ${r.maxFrameMs} ms |`,
      );
    }
  }
  console.log(`\n${await page.evaluate(() => navigator.userAgent)}; ${new Date().toISOString()}`);
} finally {
  await browser.close();
}
