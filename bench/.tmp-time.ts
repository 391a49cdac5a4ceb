process.env.LOG_LEVEL = "silent";
const { db } = await import("../server/db");
const { searchCatalog } = await import("../server/services/registry/search-catalog");
const { describeNeed } = await import("../server/services/registry/describe-need");
const { SEARCHES, NEEDS } = await import("./catalog-data");
for (const s of SEARCHES) { await searchCatalog(s); }
for (const s of SEARCHES) {
  const t = performance.now(); const r = await searchCatalog(s);
  console.log(JSON.stringify(s).padEnd(60), (performance.now() - t).toFixed(1), r.items.length, r.items[0]?.name ?? "");
}
for (const n of NEEDS) {
  const t = performance.now(); const r = await describeNeed({ need: n });
  console.log(n.slice(0, 50).padEnd(52), (performance.now() - t).toFixed(1), r.matches[0]?.listing.name, r.matches[0]?.coverage.toFixed(2));
}
await db.$disconnect();
