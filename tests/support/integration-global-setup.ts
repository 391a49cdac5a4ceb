import { dropDatabase, listDatabases } from "../../scripts/lib/postgres";
import { ensureTemplate, resolveTestServer } from "./test-database";

/** Runs once before all integration workers; they inherit these variables. */
export default async function setup() {
  const { url, embedded } = await resolveTestServer();
  process.env.BUREAU_TEST_PG_URL = url;
  process.env.BUREAU_TEST_TEMPLATE = await ensureTemplate(url);
  return async () => {
    for (const name of await listDatabases(url, `bureau_it_${process.pid}_`)) await dropDatabase(url, name);
    await embedded?.stop();
  };
}
