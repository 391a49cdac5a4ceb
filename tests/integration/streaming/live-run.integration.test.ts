import { describe, expect, it } from "vitest";
import { GET as taskStream } from "@/app/api/events/tasks/[taskId]/route";
import { db } from "@/server/db";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { useTaskRuntime } from "../../support/app-server";
import { callerFor, createOrg, createUser, signInHeaders, unique } from "../../support/factories";
import { buyerWithCredits } from "../../support/task-fixtures";
import { readSse } from "../tasks-ui/seed-tasks";
import {
  ARTIFACT_CHUNKS,
  EVENTS_BEFORE_GATE,
  PROGRESS_UPDATES,
  burstAgentCard,
  burstAgentEndpoint,
  burstSteps,
  chunkText,
} from "./burst-agent";

const AGENT_PATH = "/api/test-agents/burst";
const gates = new Map<string, Promise<void>>();
let agentHandler: ((request: Request) => Promise<Response>) | undefined;

// The agent and the task page's live route, both over real HTTP at APP_URL
// (the durable engine calls the agent there; the test reads SSE there).
useTaskRuntime([
  {
    pattern: new RegExp(`^${AGENT_PATH}$`),
    handle: (request) => (agentHandler ??= burstAgentEndpoint(`${process.env.APP_URL}${AGENT_PATH}`, gates))(request),
  },
  {
    pattern: /^\/api\/events\/tasks\/([\w-]+)$/,
    handle: (request, match) => taskStream(request, { params: Promise.resolve({ taskId: match[1]! }) }),
  },
]);

async function publishBurstAgent() {
  const seller = await createUser("Seller");
  const sellerOrg = await createOrg(seller.id, "Burst Sellers");
  const url = `${process.env.APP_URL}${AGENT_PATH}`;
  const suffix = unique();
  return db.agent.create({
    data: {
      orgId: sellerOrg.id,
      slug: `burst-reporter-${suffix}`,
      name: `Burst Reporter ${suffix}`,
      description: "Streams many updates at once.",
      endpointUrl: url,
      pricePerTask: 5,
      status: "PUBLISHED",
      versions: { create: { version: 1, card: burstAgentCard(url) as unknown as InputJsonValue } },
    },
  });
}

function openStream(taskId: string, orgId: string, headers: Headers) {
  return fetch(`${process.env.APP_URL}/api/events/tasks/${taskId}?orgId=${orgId}`, { headers });
}

type Frame = { id?: string; event?: string; data?: string };
const taskEvents = (frames: Frame[]) => frames.filter((f) => f.event === "task-event");

/** What one stored or streamed event says, in the words the agent used ("Step 3/25", "chunk 4"). */
function label(event: { kind: string; data: unknown }): string | null {
  const data = event.data as { state?: string; text?: string; artifactId?: string; parts?: { text?: string }[] };
  if (event.kind === "status" && data.state === "WORKING" && data.text?.startsWith("Step ")) return data.text;
  if (event.kind === "artifact" && data.artifactId === "report") {
    const index = burstSteps().find((s) => s.kind === "chunk" && s.text === data.parts?.[0]?.text);
    return index?.kind === "chunk" ? `chunk ${index.index}` : "unknown chunk";
  }
  return null;
}

const expected = burstSteps().map((s) => (s.kind === "status" ? s.text : `chunk ${s.index}`));
const storedEvents = (taskId: string) =>
  db.taskEvent.findMany({ where: { taskId }, orderBy: { id: "asc" }, select: { id: true, kind: true, data: true } });

describe("a streaming agent that sends everything at once", () => {
  it("streams what the test expects", () => {
    expect(expected.filter((l) => l.startsWith("Step "))).toHaveLength(PROGRESS_UPDATES);
    expect(expected.filter((l) => l.startsWith("chunk "))).toHaveLength(ARTIFACT_CHUNKS);
  });

  // Repeated: the loss this guards against was a race, seen in 3 runs of 4.
  for (const run of [1, 2, 3, 4, 5]) {
    it(`run ${run}: records every update once and in order, and both live readers see all of them`, async () => {
      const agent = await publishBurstAgent();
      const buyer = await buyerWithCredits(100);
      const caller = await callerFor(buyer.user.email);
      const headers = await signInHeaders(buyer.user.email);
      const text = `Squares, run ${run} ${unique()}`;
      let openGate!: () => void;
      gates.set(
        text,
        new Promise<void>((resolve) => {
          openGate = resolve;
        }),
      );

      const started = await caller.tasks.start({ orgId: buyer.org.id, agentSlug: agent.slug, text });
      // Reader 1 follows from the start.
      const fromStart = readSse(await openStream(started.id, buyer.org.id, headers), (f) => f.event === "end");
      // Awaited below; a failure before then must not surface as an unhandled rejection.
      fromStart.catch(() => undefined);

      // The agent has sent its first half and waits: all of it is stored, and
      // the artifact already holds the chunks so far (a partial result).
      await expect
        .poll(async () => (await storedEvents(started.id)).filter((e) => label(e) !== null).length, {
          timeout: 20_000,
          interval: 25,
        })
        .toBe(EVENTS_BEFORE_GATE);
      const midway = await caller.tasks.get({ orgId: buyer.org.id, taskId: started.id });
      expect(midway.state).toBe("WORKING");
      const chunksSoFar = burstSteps()
        .slice(0, EVENTS_BEFORE_GATE)
        .flatMap((s) => (s.kind === "chunk" ? [s.text] : []));
      expect(midway.artifacts.map((a) => a.parts)).toEqual([[{ kind: "text", text: chunksSoFar.join("") }]]);

      // Reader 2 connects mid-run, resuming after an event it already had.
      const before = await storedEvents(started.id);
      const resumeAfter = before[Math.floor(before.length / 2)]!.id;
      const midRun = readSse(
        await openStream(
          started.id,
          buyer.org.id,
          new Headers({ cookie: headers.get("cookie")!, "last-event-id": resumeAfter.toString() }),
        ),
        (f) => f.event === "end",
      );
      openGate();

      const [framesFromStart, framesMidRun] = await Promise.all([fromStart, midRun]);
      const task = await db.task.findUniqueOrThrow({ where: { id: started.id } });
      expect(task.state).toBe("COMPLETED");

      // Stored: every update exactly once, in the order the agent sent them.
      const stored = await storedEvents(started.id);
      expect(stored.flatMap((e) => label(e) ?? [])).toEqual(expected);
      const artifact = await db.artifact.findFirstOrThrow({ where: { taskId: started.id, artifactId: "report" } });
      // Appended text chunks join into one text part, as the task page folds them live.
      expect(artifact.parts).toEqual([
        { kind: "text", text: Array.from({ length: ARTIFACT_CHUNKS }, (_, i) => chunkText(i)).join("") },
      ]);

      // Live: both readers got the log, in order, without a gap or a repeat.
      const ids = stored.map((e) => e.id.toString());
      expect(taskEvents(framesFromStart).map((f) => f.id)).toEqual(ids);
      expect(taskEvents(framesMidRun).map((f) => f.id)).toEqual(ids.filter((id) => BigInt(id) > resumeAfter));
      expect(taskEvents(framesFromStart).flatMap((f) => label(JSON.parse(f.data!)) ?? [])).toEqual(expected);
      expect(JSON.parse(framesFromStart.at(-1)!.data!)).toEqual({ state: "COMPLETED" });
      expect(JSON.parse(framesMidRun.at(-1)!.data!)).toEqual({ state: "COMPLETED" });

      // A reload shows the same log and the whole artifact.
      const reloaded = await caller.tasks.get({ orgId: buyer.org.id, taskId: started.id });
      expect(reloaded.events.map((e) => e.id)).toEqual(ids);
      expect(reloaded.artifacts).toHaveLength(1);
      gates.delete(text);
    }, 60_000);
  }
});
