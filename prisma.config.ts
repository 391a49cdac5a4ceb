import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` (offline); migrations run through
// scripts/db (the WebAssembly schema engine), see docs/architecture.md.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bureau" },
});
