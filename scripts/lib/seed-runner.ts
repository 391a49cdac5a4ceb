import { readDemoApiKey, writeDemoFile } from "./demo-file";

/**
 * Seeds the demo data into DATABASE_URL (which must be set before this runs:
 * server modules read the environment when first imported).
 */
export async function seedAndWriteDemoFile(baseUrl: string) {
  const { seedDemo } = await import("../../server/seed/seed-demo");
  const { db } = await import("../../server/db");
  try {
    const result = await seedDemo({ existingApiKey: readDemoApiKey(), baseUrl });
    return { result, file: writeDemoFile(baseUrl, result) };
  } finally {
    await db.$disconnect();
  }
}
