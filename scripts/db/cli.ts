// Usage: node --conditions=react-server --import tsx scripts/db/cli.ts <migrate | new <name> | status | drift>
// (`new` and `drift` take `--schema <path>` to use a schema file other than prisma/schema/.)
// Reads DATABASE_URL. Exit codes: 0 ok, 1 "attention needed" (pending/failed
// migrations, drift) or a failure, 2 usage/configuration error.
import { checkDrift, createMigration, migrateDeploy, migrationStatus } from "./schema-engine.ts";

export interface CommandContext {
  databaseUrl: string;
  args: string[];
}

export interface Command {
  usage: string;
  summary: string;
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** `--schema <path>` (for trying a schema copy); returns the rest of the args too. */
function schemaOption(args: string[]): { schemaPath: string | undefined; rest: string[] } {
  const i = args.indexOf("--schema");
  if (i === -1) return { schemaPath: undefined, rest: args };
  return { schemaPath: args[i + 1], rest: args.filter((_, j) => j !== i && j !== i + 1) };
}

const list = (names: string[]): string => (names.length ? names.map((n) => `  ${n}`).join("\n") : "  (none)");

export const commands: Record<string, Command> = {
  migrate: {
    usage: "migrate",
    summary: "apply pending migrations (prisma migrate deploy)",
    async run({ databaseUrl }) {
      const { applied } = await migrateDeploy({ databaseUrl });
      console.log(
        applied.length ? `Applied ${applied.length} migration(s):\n${list(applied)}` : "No pending migrations.",
      );
      return 0;
    },
  },
  new: {
    usage: "new <name> [--schema <path>]",
    summary: "write prisma/migrations/<timestamp>_<name> from prisma/schema/ changes",
    async run({ databaseUrl, args }) {
      const { schemaPath, rest } = schemaOption(args);
      const name = rest[0];
      if (!name) {
        console.error("Usage: cli.ts new <name>   (letters, digits, underscores)");
        return 2;
      }
      const status = await migrationStatus({ databaseUrl });
      if (status.pending.length || !status.hasMigrationsTable) {
        // The engine diffs against an up-to-date database; otherwise it fails
        // with an obscure "shadow DB must be provided" error.
        console.error("Apply the existing migrations to this database first: npm run db:migrate (same DATABASE_URL).");
        return 2;
      }
      const { created } = await createMigration({ databaseUrl, name, schemaPath });
      console.log(
        created ? `Created prisma/migrations/${created}/migration.sql` : "No schema changes; nothing created.",
      );
      return 0;
    },
  },
  status: {
    usage: "status",
    summary: "list applied / pending / failed migrations; exit 1 unless up to date",
    async run({ databaseUrl }) {
      const s = await migrationStatus({ databaseUrl });
      console.log(`${s.local.length} migration(s) in prisma/migrations.`);
      console.log(`Applied:\n${list(s.applied)}\nPending:\n${list(s.pending)}`);
      if (s.failed.length) console.log(`Failed:\n${list(s.failed)}`);
      if (s.edited.length) console.log(`Modified after being applied:\n${list(s.edited)}`);
      if (s.missingLocally.length) console.log(`In the database but not on disk:\n${list(s.missingLocally)}`);
      if (s.diverged) console.log("The database's migration history has diverged from prisma/migrations.");
      console.log(s.upToDate ? "Database schema is up to date." : "Database is NOT up to date.");
      return s.upToDate ? 0 : 1;
    },
  },
  drift: {
    usage: "drift [--schema <path>]",
    summary: "exit 1 (printing the SQL) if prisma/schema/ has changes without a migration",
    async run({ databaseUrl, args }) {
      const { drift, sql } = await checkDrift({ databaseUrl, schemaPath: schemaOption(args).schemaPath });
      if (!drift) {
        console.log("No drift: prisma/migrations matches prisma/schema/.");
        return 0;
      }
      console.log("Drift: the Prisma schema has changes that no migration covers. Missing SQL:\n");
      console.log(sql);
      console.log("Run `npm run db:new -- <name>` to create the migration.");
      return 1;
    },
  },
  seed: {
    usage: "seed",
    summary: "load the demo orgs, users, credits and API key (idempotent); writes .data/demo.json",
    async run() {
      const { seedAndWriteDemoFile } = await import("../lib/seed-runner.ts");
      const baseUrl =
        process.env.BUREAU_DEMO_BASE_URL ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
      const { result, file } = await seedAndWriteDemoFile(baseUrl);
      console.log(`Seeded ${result.users.length} demo users; details in ${file}`);
      return 0;
    },
  },
  // ── Register further commands here, same shape as above. ──
};

function usage(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(28)} ${c.summary}`);
  return (
    "Usage: npm run db:<command> (node --conditions=react-server --import tsx scripts/db/cli.ts <command>)\n\n" +
    `Commands:\n${lines.join("\n")}\n\nReads DATABASE_URL from the environment.`
  );
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command "${name}".\n\n${usage()}` : usage());
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bureau");
    return 2;
  }
  try {
    return await command.run({ databaseUrl, args });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

// Only run when executed directly, so another module can import `commands`.
if (import.meta.filename === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
