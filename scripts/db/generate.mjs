// Generates the Prisma client into server/generated/prisma. Runs after
// `npm ci` and before dev/test/build. `prisma generate` never needs the
// schema engine, but the CLI tries to download it unless told where it is;
// /bin/false satisfies that without network access.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"],
  {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
if (result.status !== 0) {
  console.error("prisma generate failed");
  process.exit(result.status ?? 1);
}
