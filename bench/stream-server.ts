/**
 * The UI's live task stream route on a bare HTTP server, in its own process
 * so its memory can be measured alone. GET /stats reports process memory.
 */
export {};
const port = Number(process.argv[2]);
const { serveFetchHandler } = await import("../tests/support/serve-fetch-handler");
const { GET } = await import("../app/api/events/tasks/[taskId]/route");
let open = 0;
await serveFetchHandler(async (request) => {
  const url = new URL(request.url);
  if (url.pathname === "/stats") {
    globalThis.gc?.();
    return Response.json({ open, ...process.memoryUsage() });
  }
  const taskId = url.pathname.split("/").at(-1)!;
  open += 1;
  request.signal.addEventListener("abort", () => (open -= 1), { once: true });
  return GET(request, { params: Promise.resolve({ taskId }) });
}, port);
process.stdout.write("ready\n");
