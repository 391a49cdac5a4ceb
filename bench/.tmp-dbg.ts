process.env.LOG_LEVEL = "silent";
const { db } = await import("../server/db");
const rows = await db.$queryRaw`
    SELECT l AS lexeme, (SELECT count(*)::int FROM (
      SELECT 1 FROM "AgentSkill" s WHERE s."searchVector" @@ to_tsquery('simple', quote_literal(l)) LIMIT 2000) x) AS df
    FROM unnest(${["invoic", "reconcil", "supplier"]}::text[]) AS l`;
console.log(rows);
await db.$disconnect();
