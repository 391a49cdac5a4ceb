/**
 * GET /api/v1/events/stream (the real route, API-key auth) on a bare HTTP
 * server in its own process, for bench/org-events.bench.ts. GET /stats
 * reports how many streams are open and the process memory.
 */
export {};
const port = Number(process.argv[2]);
const { serveFetchHandler } = await import("../tests/support/serve-fetch-handler");
const { GET } = await import("../app/api/v1/events/stream/route");
let open = 0;
await serveFetchHandler(async (request) => {
  if (new URL(request.url).pathname === "/stats") return Response.json({ open, ...process.memoryUsage() });
  open += 1;
  request.signal.addEventListener("abort", () => (open -= 1), { once: true });
  return GET(request, undefined);
}, port);
process.stdout.write("ready\n");
