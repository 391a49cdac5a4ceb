import { describe, expect, it } from "vitest";
import { GET as taskStream } from "@/app/api/events/tasks/[taskId]/route";
import { db } from "@/server/db";
import { taskListener } from "@/server/services/events/task-listener";
import { addMember, callerFor, createUser, ownerWithOrg, signInHeaders } from "../../support/factories";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { readSse, seedTask } from "./seed-tasks";

useTaskRuntime();

const openStream = (taskId: string, orgId: string, headers: Headers) =>
  taskStream(new Request(`http://localhost/api/events/tasks/${taskId}?orgId=${orgId}`, { headers }), {
    params: Promise.resolve({ taskId }),
  });

const parse = (frame: { data?: string }) =>
  JSON.parse(frame.data ?? "null") as { kind: string; data: { state?: string; text?: string } };

describe("tasks from the UI", () => {
  it("starts a task that appears in the list, streams live over SSE to completion and charges once", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 30);
    const buyer = await buyerWithCredits(500);
    const caller = await callerFor(buyer.user.email);
    const started = await caller.tasks.start({
      orgId: buyer.org.id,
      agentSlug: agent.slug,
      text: "The state of small modular reactors",
    });
    expect(started.price).toBe(30);

    const listed = await caller.tasks.list({ orgId: buyer.org.id });
    expect(listed.items[0]).toMatchObject({
      id: started.id,
      source: "UI",
      price: 30,
      agent: { slug: agent.slug, name: agent.name },
      preview: "The state of small modular reactors",
    });

    const headers = await signInHeaders(buyer.user.email);
    const response = await openStream(started.id, buyer.org.id, headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const frames = await readSse(response, (f) => f.event === "end");
    expect(frames.at(-1)).toMatchObject({ event: "end" });
    expect(JSON.parse(frames.at(-1)!.data!)).toEqual({ state: "COMPLETED" });
    const events = frames.filter((f) => f.event === "task-event");
    const ids = events.map((f) => BigInt(f.id!));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    const progress = events.map(parse).filter((e) => e.kind === "status" && e.data.state === "WORKING" && e.data.text);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(events.map(parse).some((e) => e.kind === "artifact")).toBe(true);

    // Resuming after an event id sends only what came later.
    const middle = events[Math.floor(events.length / 2)]!;
    const resumed = await readSse(
      await openStream(
        started.id,
        buyer.org.id,
        new Headers({ cookie: headers.get("cookie")!, "last-event-id": middle.id! }),
      ),
      (f) => f.event === "end",
    );
    expect(resumed.filter((f) => f.event === "task-event").map((f) => f.id)).toEqual(
      events.slice(events.indexOf(middle) + 1).map((f) => f.id),
    );

    const task = await caller.tasks.get({ orgId: buyer.org.id, taskId: started.id });
    expect(task).toMatchObject({
      state: "COMPLETED",
      price: 30,
      canReview: true,
      review: null,
      agent: { slug: agent.slug },
    });
    expect(task.durationMs).toBeGreaterThan(0);
    expect(task.artifacts[0]?.parts.length).toBeGreaterThan(0);
    expect(task.events.map((e) => e.id)).toEqual(expect.arrayContaining(events.map((f) => f.id)));

    const completed = await caller.tasks.list({
      orgId: buyer.org.id,
      state: "COMPLETED",
      search: agent.name.split(" ").at(-1)!.toUpperCase(),
    });
    expect(completed.items.map((t) => t.id)).toEqual([started.id]);
    expect((await caller.tasks.list({ orgId: buyer.org.id, state: "FAILED" })).items).toEqual([]);
    expect(await caller.tasks.agents({ orgId: buyer.org.id })).toEqual([{ slug: agent.slug, name: agent.name }]);
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 }).toBe(470);
  });

  it("keeps the stream open while the agent waits for the buyer's answer", async () => {
    const { agent } = await publishDemoAgent("northwind-intake-coordinator", 15);
    const buyer = await buyerWithCredits(100);
    const caller = await callerFor(buyer.user.email);
    const { id } = await caller.tasks.start({
      orgId: buyer.org.id,
      agentSlug: agent.slug,
      text: "We need a vendor security review",
    });
    const response = await openStream(id, buyer.org.id, await signInHeaders(buyer.user.email));
    const reader = readSse(response, (f) => f.event === "end");

    await expect
      .poll(async () => (await caller.tasks.get({ orgId: buyer.org.id, taskId: id })).state, { timeout: 10_000 })
      .toBe("INPUT_REQUIRED");
    await expect(
      caller.tasks.start({ orgId: buyer.org.id, agentSlug: agent.slug, text: "x".repeat(20_001) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.tasks.reply({ orgId: buyer.org.id, taskId: id, text: "Acme Corp, by Friday" })).toEqual({
      turn: 2,
    });

    const frames = await reader;
    const states = frames
      .filter((f) => f.event === "task-event")
      .map(parse)
      .flatMap((e) => (e.kind === "status" ? [e.data.state] : []));
    expect(states).toContain("INPUT_REQUIRED");
    expect(states.indexOf("COMPLETED")).toBeGreaterThan(states.indexOf("INPUT_REQUIRED"));
    expect(JSON.parse(frames.at(-1)!.data!)).toEqual({ state: "COMPLETED" });
    await expect(caller.tasks.reply({ orgId: buyer.org.id, taskId: id, text: "again" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This task is not waiting for your input.",
    });
  });

  it("cancels an active task, and refuses to cancel it twice", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 0);
    const { org, caller } = await ownerWithOrg("Canceler");
    const task = await seedTask({ orgId: org.id, agentId: agent.id, state: "WORKING" });
    expect(await caller.tasks.cancel({ orgId: org.id, taskId: task.id })).toEqual({ cancelRequested: true });
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: task.id } })).state, { timeout: 10_000 })
      .toBe("CANCELED");
    await expect(caller.tasks.cancel({ orgId: org.id, taskId: task.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/already ended/),
    });
  });
});

describe("what the UI refuses", () => {
  it("answers another org's task with NOT_FOUND everywhere, including the live stream", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const owner = await ownerWithOrg("Owner Org");
    const task = await seedTask({ orgId: owner.org.id, agentId: agent.id, state: "INPUT_REQUIRED" });
    const stranger = await ownerWithOrg("Stranger Org");
    const as = { orgId: stranger.org.id, taskId: task.id };
    await expect(stranger.caller.tasks.get(as)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.tasks.cancel(as)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.tasks.reply({ ...as, text: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.tasks.get({ orgId: owner.org.id, taskId: task.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const headers = await signInHeaders(stranger.user.email);
    const ownOrg = await openStream(task.id, stranger.org.id, headers);
    const foreignOrg = await openStream(task.id, owner.org.id, headers);
    expect([ownOrg.status, foreignOrg.status]).toEqual([404, 404]);
    expect(await ownOrg.json()).toEqual(await foreignOrg.json());
    expect((await openStream(task.id, owner.org.id, new Headers())).status).toBe(401);
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).state).toBe("INPUT_REQUIRED");
  });

  it("stops following the task when the browser goes away", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const { org, user } = await ownerWithOrg("Leaver");
    const task = await seedTask({ orgId: org.id, agentId: agent.id, state: "WORKING" });
    const gone = new AbortController();
    const request = new Request(`http://localhost/api/events/tasks/${task.id}?orgId=${org.id}`, {
      headers: await signInHeaders(user.email),
      signal: gone.signal,
    });
    const response = await taskStream(request, { params: Promise.resolve({ taskId: task.id }) });
    expect(response.status).toBe(200);
    await expect.poll(() => taskListener.listenerCount(`task:${task.id}`)).toBe(1);
    gone.abort();
    await expect.poll(() => taskListener.listenerCount(`task:${task.id}`)).toBe(0);
  });

  it("does not let a viewer start a task", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const buyer = await buyerWithCredits(100);
    const viewer = await createUser("Viewer");
    await addMember(buyer.org.id, viewer.id, "viewer");
    const caller = await callerFor(viewer.email);
    await expect(
      caller.tasks.start({ orgId: buyer.org.id, agentSlug: agent.slug, text: "hello" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(0);
    // Viewers still see the org's runs.
    expect((await caller.tasks.list({ orgId: buyer.org.id })).items).toEqual([]);
  });

  it("refuses an unaffordable task with PAYMENT_REQUIRED and writes no task or hold", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const buyer = await buyerWithCredits(5);
    const caller = await callerFor(buyer.user.email);
    await expect(
      caller.tasks.start({ orgId: buyer.org.id, agentSlug: agent.slug, text: "Revenue: 1, 2, 3" }),
    ).rejects.toMatchObject({
      code: "PAYMENT_REQUIRED",
      message: "This task costs 10 credits but only 5 are available. Buy credits to continue.",
    });
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(0);
    expect(await db.creditHold.count({ where: { orgId: buyer.org.id } })).toBe(0);
    expect((await walletOf(buyer.org.id)).ORG_WALLET).toBe(5);
    await expect(
      caller.tasks.start({ orgId: buyer.org.id, agentSlug: "no-such-agent", text: "hi" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.tasks.start({ orgId: buyer.org.id, agentSlug: agent.slug, text: "   " })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
  });
});
