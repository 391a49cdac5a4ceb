import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as orgFeedRoute } from "@/app/api/events/org/route";
import { db } from "@/server/db";
import type { OrgEventView } from "@/server/schemas/org-events";
import { recordEvent } from "@/server/services/events/record-event";
import { setBudget } from "@/server/services/budgets/set-budget";
import { addMember, createUser, ownerWithOrg, signInHeaders } from "../../support/factories";
import { serveFetchHandler } from "../../support/serve-fetch-handler";
import { readSse } from "../tasks-ui/seed-tasks";

/** `count` credits.granted events in the org, in order; their ids. */
async function grants(orgId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await db.$transaction((tx) =>
      recordEvent(tx, {
        orgId,
        type: "credits.granted",
        subject: { type: "wallet", id: "wallet" },
        actor: { kind: "system", id: null },
        data: { amount: i + 1, reason: `grant ${i}` },
      }),
    );
    ids.push(id.toString());
  }
  return ids;
}

describe("GET /api/events/org (the console's feed, session-authenticated SSE)", () => {
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  beforeAll(async () => {
    server = await serveFetchHandler((request) => orgFeedRoute(request, undefined));
  });
  afterAll(() => server?.close());

  const open = (cookies: Headers | null, query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/events/org${query}`, {
      headers: { ...(cookies ? { cookie: cookies.get("cookie") ?? "" } : {}), ...headers },
    });

  it("streams a viewer the org's events live, then resumes after Last-Event-ID with the rest", async () => {
    const { org } = await ownerWithOrg("Feed Co");
    const viewer = await createUser("Vic Viewer");
    await addMember(org.id, viewer.id, "viewer");
    const cookies = await signInHeaders(viewer.email);
    const [start] = await grants(org.id, 1);

    const first = await open(cookies, `?orgId=${org.id}&after=${start}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/event-stream");
    let count = 0;
    const reading = readSse(first, () => ++count === 2);
    const written = await grants(org.id, 4);
    const got = await reading;
    expect(got.map((f) => [f.id, f.event])).toEqual([
      [written[0], "org-event"],
      [written[1], "org-event"],
    ]);
    expect(JSON.parse(got[0]!.data!) as OrgEventView).toMatchObject({ id: written[0], type: "credits.granted" });

    // EventSource reconnects with the original URL plus Last-Event-ID, which wins over ?after.
    const resumed = await open(cookies, `?orgId=${org.id}&after=${start}`, { "last-event-id": written[1]! });
    const rest = await readSse(resumed, (f) => f.id === written[3]);
    expect(rest.map((f) => f.id)).toEqual(written.slice(2));
  });

  it("filters by type prefix and replays a backlog of the newest events before going live", async () => {
    const { org, user } = await ownerWithOrg("Prefix Co");
    const cookies = await signInHeaders(user.email);
    const old = await grants(org.id, 3);
    const backlog = await open(cookies, `?orgId=${org.id}&backlog=2`);
    const replayed = await readSse(backlog, (f) => f.id === old[2]);
    expect(replayed.map((f) => f.id)).toEqual(old.slice(1));

    const filtered = await open(cookies, `?orgId=${org.id}&after=${old[2]}&types=budget.`);
    const reading = readSse(filtered, () => true);
    await grants(org.id, 2); // credits.*: not for this stream
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 900 });
    const [frame] = await reading;
    expect(JSON.parse(frame!.data!)).toMatchObject({ type: "budget.set", data: { to: 900 } });
  });

  it("is a 404 for an org the caller does not belong to, a 401 signed out, a 400 on bad input", async () => {
    const { org } = await ownerWithOrg("Private Co");
    await grants(org.id, 1);
    const outsider = await ownerWithOrg("Outsider Co");
    const foreign = await open(await signInHeaders(outsider.user.email), `?orgId=${org.id}&after=0`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await open(null, `?orgId=${org.id}`)).status).toBe(401);

    const cookies = await signInHeaders(outsider.user.email);
    const own = `?orgId=${outsider.org.id}`;
    expect((await open(cookies, own, { "last-event-id": "12; DROP" })).status).toBe(400);
    expect((await open(cookies, `${own}&types=nothing.`)).status).toBe(400);
  });
});
