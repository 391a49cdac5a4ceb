import { beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { db } from "@/server/db";
import { clientIpHeader } from "@/server/net/client-address";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { listWorkflowTemplates } from "@/server/services/workflows/list-workflow-templates";
import { publishWorkflow } from "@/server/services/workflows/publish-workflow";
import { WORKFLOW_TEMPLATES } from "@/server/services/workflows/templates";
import { useTaskRuntime } from "../../support/app-server";
import { createOrg, createUser, unique } from "../../support/factories";
import { apiV1Routes, OpenApiContract } from "../../support/openapi";
import { publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { freshIp } from "./rest-support";

/**
 * The workflow routes of /api/v1 (the real route files) on the app server,
 * with the durable engine and the task runner running, so runs started over
 * REST really execute: every answer, success and refusal, is checked against
 * the served /api/v1/openapi.json.
 */
const v1: Awaited<ReturnType<typeof apiV1Routes>>["routes"] = [];
useTaskRuntime([
  {
    pattern: /^\/api\/v1\//,
    handle: (request: Request) => {
      const path = new URL(request.url).pathname;
      for (const route of v1) {
        const match = route.pattern.exec(path);
        if (match) return route.handle(request, match);
      }
      return new Response("not found", { status: 404 });
    },
  },
]);

const base = () => process.env.APP_URL!;
let contract: OpenApiContract;

type Init = { key?: string; body?: unknown; headers?: Record<string, string>; raw?: string };
type Answer<T> = { status: number; body: T; headers: Headers };
type ErrorBody = { error: { code: string; message: string } };
type Page<T> = { items: T[]; nextCursor: string | null };
type Workflow = { id: string; name: string; templateId: string | null; draftGraph: { nodes: { id: string }[] } };
type Started = { id: string; workflowId: string; versionNumber: number };
type Approval = {
  id: string;
  runId: string | null;
  state: string;
  canDecide: boolean;
  decidedByApiKeyId: string | null;
};
type Step = { nodeId: string; nodeType: string | null; state: string; costCredits: number; output: string | null };
type Run = {
  id: string;
  state: string;
  output: unknown;
  steps: Step[];
  totalCostCredits: number;
  spentCredits: number;
  pendingApprovals: Approval[];
};

/** One request, its answer checked against the document (and never a 5xx). */
async function call<T = ErrorBody>(method: "get" | "post", path: string, init: Init = {}): Promise<Answer<T>> {
  const headers = new Headers(init.headers);
  headers.set(clientIpHeader(), freshIp());
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  let body = init.raw;
  if (init.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.body);
  }
  const response = await fetch(`${base()}${path}`, { method: method.toUpperCase(), headers, body });
  expect(response.status, `${method} ${path}`).toBeLessThan(500);
  return {
    status: response.status,
    body: (await contract.check(response, { method })) as T,
    headers: response.headers,
  };
}

const WORKFLOW_SCOPES: ApiKeyScope[] = ["workflows:read", "workflows:write", "workflows:run", "approvals:write"];

async function orgWithKey(scopes: ApiKeyScope[] = WORKFLOW_SCOPES, credits = 0) {
  const user = await createUser("Owner");
  const org = await createOrg(user.id, "Workflow Co");
  if (credits > 0)
    await grantCredits({ orgId: org.id, amount: credits, key: `test:${unique()}`, reason: "test", actorUserId: null });
  const created = await createApiKey({ orgId: org.id, userId: user.id, name: "contract", scopes, expiresInDays: null });
  return { org, user, key: created.key, keyId: created.id };
}
type Org = Awaited<ReturnType<typeof orgWithKey>>;

const at = { x: 0, y: 0 };
const trigger = { id: "start", type: "trigger", name: "Start", position: at, config: { kind: "api" } };
const output = (template: string) => ({
  id: "result",
  type: "output",
  name: "Result",
  position: at,
  config: { template, format: "text" },
});
const approval = (template: string) => ({
  id: "gate",
  type: "approval",
  name: "Sign-off",
  position: at,
  config: { approvers: { roles: ["owner"], userIds: [] }, template, deadlineHours: 72, onTimeout: "reject" },
});
const chain = (...ids: string[]) => ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id }));

const quickGraph = { nodes: [trigger, output("Hello {{ input.name }}")], edges: chain("start", "result") };
const gatedGraph = {
  nodes: [trigger, approval("Go ahead for {{ input.name }}?"), output("Done for {{ input.name }}")],
  edges: chain("start", "gate", "result"),
};

/** A workflow made over REST and published as its builder would (publishing is not on the API). */
async function published(org: Org, graph: object, name = `Flow ${unique()}`) {
  const { status, body } = await call<Workflow>("post", "/api/v1/workflows", { key: org.key, body: { graph, name } });
  expect(status).toBe(201);
  await publishWorkflow({ orgId: org.org.id, actor: { kind: "user", userId: org.user.id }, workflowId: body.id });
  return body.id;
}

async function start(org: Org, workflowId: string, input: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = idempotencyKey ? { "idempotency-key": idempotencyKey } : {};
  return call<Started>("post", `/api/v1/workflows/${workflowId}/runs`, { key: org.key, body: { input }, headers });
}

/** Polls GET /api/v1/workflow-runs/{id} until the run is in one of `states`. */
async function runUntil(org: Org, runId: string, states: string[], timeout = 30_000): Promise<Run> {
  let run: Run | undefined;
  await expect
    .poll(
      async () => {
        run = (await call<Run>("get", `/api/v1/workflow-runs/${runId}`, { key: org.key })).body;
        return run.state;
      },
      { timeout, interval: 100 },
    )
    .toSatisfy((state: string) => states.includes(state));
  return run!;
}

/** The approval a run waits on, once it waits (expect.poll is for tests, not hooks). */
async function waitingApproval(runId: string) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: runId }, select: { state: true } });
    const found = await db.approval.findFirst({ where: { runId } });
    if (run.state === "WAITING" && found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} never waited for its approval`);
}

const FINAL = ["SUCCEEDED", "FAILED", "CANCELED"];
let a: Org;
let b: Org;
let weak: Org;
let quickId: string;
let gatedId: string;
let foreign: { workflowId: string; runId: string; approvalId: string };

beforeAll(async () => {
  v1.push(...(await apiV1Routes()).routes);
  contract = await OpenApiContract.fetch(base());
  [a, b, weak] = await Promise.all([orgWithKey(), orgWithKey(), orgWithKey(["agents:read", "events:read"])]);
  quickId = await published(a, quickGraph);
  gatedId = await published(a, gatedGraph);
  // Another org's workflow, run and approval: what A's key must never find.
  const bGated = await published(b, gatedGraph);
  const bRun = (await start(b, bGated, { name: "B" })).body.id;
  foreign = { workflowId: bGated, runId: bRun, approvalId: (await waitingApproval(bRun)).id };
}, 60_000);

describe("GET /api/v1/workflow-templates", () => {
  it("answers the gallery, each template with its graph and price estimate", async () => {
    const { body } = await call<Page<{ id: string; graph: unknown; estimate: unknown }>>(
      "get",
      "/api/v1/workflow-templates",
      { key: a.key },
    );
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((t) => t.id)).toEqual(WORKFLOW_TEMPLATES.map((t) => t.id));
    // The gallery's own views (the builder's), priced from whatever this database lists.
    const gallery = await listWorkflowTemplates();
    for (const [i, served] of body.items.entries()) {
      expect(served.graph).toEqual(gallery[i]!.graph);
      expect(served.estimate).toEqual(gallery[i]!.estimate);
    }
  });
});

describe("POST /api/v1/workflows and GET /api/v1/workflows/{id}", () => {
  it("makes a workflow of a template, then reads it back the same", async () => {
    const template = WORKFLOW_TEMPLATES[0]!;
    const made = await call<Workflow>("post", "/api/v1/workflows", { key: a.key, body: { templateId: template.id } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: template.name, templateId: template.id, latestVersion: 0 });
    expect(made.headers.get("location")).toBe(`/api/v1/workflows/${made.body.id}`);
    const read = await call<Workflow>("get", `/api/v1/workflows/${made.body.id}`, { key: a.key });
    expect(read.body).toEqual(made.body);
    expect(read.body).not.toHaveProperty("webhookSecretHash");
  });

  it("makes a workflow of a graph, with its name", async () => {
    const made = await call<Workflow>("post", "/api/v1/workflows", {
      key: a.key,
      body: { graph: quickGraph, name: "Greeter", description: "Says hello" },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "Greeter", templateId: null, hasUnpublishedChanges: true });
    expect(made.body.draftGraph.nodes.map((n) => n.id)).toEqual(["start", "result"]);
  });

  it("refuses bad bodies with a 400 naming the field, and changes nothing", async () => {
    const before = await db.workflow.count({ where: { orgId: a.org.id } });
    const badGraph = { ...quickGraph, nodes: [{ ...trigger, id: "Start Here" }] };
    for (const [body, field] of [
      [{}, "templateId"],
      [{ templateId: WORKFLOW_TEMPLATES[0]!.id, graph: quickGraph }, "graph"],
      [{ graph: badGraph }, "graph.nodes.0.id"],
      [{ templateId: "x", name: "n".repeat(121) }, "name"],
      [{ templateId: "x", owner: "me" }, "body"],
    ] as const) {
      const answer = await call("post", "/api/v1/workflows", { key: a.key, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("invalid_input");
      expect(answer.body.error.message).toContain(`${field}:`);
    }
    const notJson = await call("post", "/api/v1/workflows", { key: a.key, raw: "templateId=x" });
    expect(notJson.status).toBe(400);
    const unknownTemplate = await call("post", "/api/v1/workflows", { key: a.key, body: { templateId: "no-such" } });
    expect(unknownTemplate.status).toBe(404);
    expect(await db.workflow.count({ where: { orgId: a.org.id } })).toBe(before);
  });

  it("answers another org's workflow, an unknown id and an impossible one with 404", async () => {
    for (const id of [foreign.workflowId, `wf${unique()}`, "%00"]) {
      const answer = await call("get", `/api/v1/workflows/${id}`, { key: a.key });
      expect(answer.status, id).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
  });
});

describe("GET /api/v1/workflows", () => {
  it("pages through the org's workflows with nextCursor, and finds by name", async () => {
    const org = await orgWithKey();
    const ids: string[] = [];
    for (const name of ["Alpha report", "Beta report", "Gamma memo"])
      ids.push(
        (await call<Workflow>("post", "/api/v1/workflows", { key: org.key, body: { graph: quickGraph, name } })).body
          .id,
      );
    const first = (await call<Page<Workflow>>("get", "/api/v1/workflows?limit=2", { key: org.key })).body;
    expect(first.items.map((w) => w.name)).toEqual(["Gamma memo", "Beta report"]);
    const cursor = first.nextCursor!;
    const second = (await call<Page<Workflow>>("get", `/api/v1/workflows?limit=2&cursor=${cursor}`, { key: org.key }))
      .body;
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const found = (await call<Page<Workflow>>("get", "/api/v1/workflows?q=REPORT", { key: org.key })).body;
    expect(found.items.map((w) => w.name)).toEqual(["Beta report", "Alpha report"]);
  });

  it("refuses bad queries with a 400", async () => {
    for (const query of ["limit=0", "limit=101", "limit=ten", "cursor=%7B%7D", "cursor=bm9wZQ"]) {
      const answer = await call("get", `/api/v1/workflows?${query}`, { key: a.key });
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code).toBe("invalid_input");
    }
  });
});

describe("POST /api/v1/workflows/{id}/runs", () => {
  it("answers 201 for a new run and 200 with the same body for a retry with the same Idempotency-Key", async () => {
    const key = `retry-${unique()}`;
    const first = await start(a, quickId, { name: "Ada" }, key);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), workflowId: quickId, versionNumber: 1 });
    expect(first.headers.get("location")).toBe(`/api/v1/workflow-runs/${first.body.id}`);
    const again = await start(a, quickId, { name: "Ada" }, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await db.workflowRun.count({ where: { orgId: a.org.id, idempotencyKey: key } })).toBe(1);
    // Without a key, or with another, each start is a run of its own.
    const other = await start(a, quickId, { name: "Ada" }, `other-${unique()}`);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it("starts one run for two concurrent requests with one Idempotency-Key", async () => {
    const key = `race-${unique()}`;
    const pair = await Promise.all([start(a, quickId, { name: "Bo" }, key), start(a, quickId, { name: "Bo" }, key)]);
    expect(pair.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(pair[0].body).toEqual(pair[1].body);
    expect(await db.workflowRun.count({ where: { orgId: a.org.id, idempotencyKey: key } })).toBe(1);
  });

  it("runs it: GET /api/v1/workflow-runs/{id} shows the steps and the output", async () => {
    const { body } = await start(a, quickId, { name: "Cy" });
    const run = await runUntil(a, body.id, FINAL);
    expect(run).toMatchObject({ state: "SUCCEEDED", output: "Hello Cy", totalCostCredits: 0, pendingApprovals: [] });
    expect(run.steps.map((s) => [s.nodeId, s.nodeType, s.state])).toEqual([
      ["start", "trigger", "SUCCEEDED"],
      ["result", "output", "SUCCEEDED"],
    ]);
  });

  it("refuses a key reused for another workflow (409), an unpublished workflow (412) and bad input (400)", async () => {
    const key = `reuse-${unique()}`;
    expect((await start(a, quickId, {}, key)).status).toBe(201);
    const reused = await start(a, gatedId, {}, key);
    expect(reused.status).toBe(409);
    expect((reused.body as unknown as ErrorBody).error.code).toBe("conflict");

    const draft = (await call<Workflow>("post", "/api/v1/workflows", { key: a.key, body: { graph: quickGraph } })).body;
    const unpublished = await start(a, draft.id, {});
    expect(unpublished.status).toBe(412);
    expect((unpublished.body as unknown as ErrorBody).error.code).toBe("not_eligible");

    const path = `/api/v1/workflows/${quickId}/runs`;
    const badKey = await call("post", path, { key: a.key, body: {}, headers: { "idempotency-key": "two words" } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.message).toContain("idempotency-key:");
    for (const init of [{ raw: "{" }, { body: [1, 2] }]) {
      const bad = await call("post", path, {
        key: a.key,
        ...init,
        headers: { "content-type": "application/json" },
      });
      expect(bad.status, JSON.stringify(init)).toBe(400);
    }
    expect(await db.workflowRun.count({ where: { workflowId: draft.id } })).toBe(0);
  });

  it("answers another org's workflow with 404 and starts nothing", async () => {
    const answer = await start(a, foreign.workflowId, {});
    expect(answer.status).toBe(404);
    expect(await db.workflowRun.count({ where: { workflowId: foreign.workflowId } })).toBe(1);
  });
});

describe("GET /api/v1/workflow-runs/{id} and POST …/cancel", () => {
  it("cancels a waiting run once; the second cancel is a 412", async () => {
    const { body } = await start(a, gatedId, { name: "Di" });
    const waiting = await runUntil(a, body.id, ["WAITING"]);
    expect(waiting.pendingApprovals).toHaveLength(1);
    const path = `/api/v1/workflow-runs/${body.id}/cancel`;
    const canceled = await call<{ id: string; state: string }>("post", path, { key: a.key });
    expect(canceled.status).toBe(200);
    expect(canceled.body).toEqual({ id: body.id, state: "CANCELED", tasksCanceled: 0 });
    const run = (await call<Run>("get", `/api/v1/workflow-runs/${body.id}`, { key: a.key })).body;
    expect(run.state).toBe("CANCELED");
    expect(run.pendingApprovals).toEqual([]);
    const again = await call("post", path, { key: a.key });
    expect(again.status).toBe(412);
    expect(again.body.error.code).toBe("already_finished");
    // Its approval can no longer be decided.
    const approvalId = waiting.pendingApprovals[0]!.id;
    const late = await call("post", `/api/v1/approvals/${approvalId}`, { key: a.key, body: { decision: "approve" } });
    expect(late.status).toBe(412);
  });

  it("answers another org's run with 404 on both, and leaves it running", async () => {
    for (const [method, path] of [
      ["get", `/api/v1/workflow-runs/${foreign.runId}`],
      ["post", `/api/v1/workflow-runs/${foreign.runId}/cancel`],
      ["get", `/api/v1/workflow-runs/run${unique()}`],
    ] as const) {
      const answer = await call(method, path, { key: a.key });
      expect(answer.status, path).toBe(404);
    }
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: foreign.runId } })).state).toBe("WAITING");
  });
});

describe("GET /api/v1/approvals and POST /api/v1/approvals/{id}", () => {
  it("pages through pending approvals; a rejection fails the run; a second decision is a 409", async () => {
    const org = await orgWithKey();
    const flowId = await published(org, gatedGraph);
    const runs = [
      (await start(org, flowId, { name: "one" })).body.id,
      (await start(org, flowId, { name: "two" })).body.id,
    ];
    for (const id of runs) await runUntil(org, id, ["WAITING"]);
    const first = (await call<Page<Approval>>("get", "/api/v1/approvals?state=pending&limit=1", { key: org.key })).body;
    expect(first.items).toHaveLength(1);
    const next = `/api/v1/approvals?state=pending&limit=1&cursor=${first.nextCursor}`;
    const second = (await call<Page<Approval>>("get", next, { key: org.key })).body;
    expect(second.nextCursor).toBeNull();
    const listed = [...first.items, ...second.items];
    expect(listed.map((x) => x.runId).sort()).toEqual([...runs].sort());
    expect(listed.every((x) => x.state === "PENDING" && x.canDecide)).toBe(true);

    const target = listed[0]!;
    const decided = await call<Approval>("post", `/api/v1/approvals/${target.id}`, {
      key: org.key,
      body: { decision: "reject", comment: "Not this quarter" },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: "REJECTED", decidedByApiKeyId: org.keyId, canDecide: false });
    expect((await runUntil(org, target.runId!, FINAL)).state).toBe("FAILED");
    const twice = await call("post", `/api/v1/approvals/${target.id}`, { key: org.key, body: { decision: "approve" } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("conflict");
    const rejected = (await call<Page<Approval>>("get", "/api/v1/approvals?state=rejected", { key: org.key })).body;
    expect(rejected.items.map((x) => x.id)).toEqual([target.id]);
  });

  it("refuses bad decisions and queries (400) and another org's approval (404)", async () => {
    const path = `/api/v1/approvals/${foreign.approvalId}`;
    for (const [body, field] of [
      [{ decision: "maybe" }, "decision"],
      [{}, "decision"],
      [{ decision: "approve", comment: "x".repeat(2_001) }, "comment"],
    ] as const) {
      const answer = await call("post", path, { key: a.key, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toContain(`${field}:`);
    }
    const bad = await call("get", "/api/v1/approvals?state=maybe", { key: a.key });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("state:");
    const foreignDecision = await call("post", path, { key: a.key, body: { decision: "approve" } });
    expect(foreignDecision.status).toBe(404);
    const mine = (await call<Page<Approval>>("get", "/api/v1/approvals", { key: a.key })).body;
    expect(mine.items.map((x) => x.id)).not.toContain(foreign.approvalId);
    expect((await db.approval.findUniqueOrThrow({ where: { id: foreign.approvalId } })).state).toBe("PENDING");
  });
});

describe("a real workflow run over REST", () => {
  it("trigger → agent → approval → output, decided over REST; the steps cost what the wallet paid", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 40);
    const org = await orgWithKey(WORKFLOW_SCOPES, 500);
    const graph = {
      nodes: [
        trigger,
        {
          id: "research",
          type: "agent",
          name: "Research",
          position: at,
          config: {
            target: { kind: "listing", slug: agent.slug },
            template: "Brief me on {{ input.topic }}",
            retry: { maxAttempts: 1, backoffSeconds: 30 },
          },
        },
        approval("Publish this brief? {{ steps.research.output }}"),
        output("{{ steps.research.output }}"),
      ],
      edges: chain("start", "research", "gate", "result"),
    };
    const workflowId = await published(org, graph);
    const before = await walletOf(org.org.id);
    const started = await start(org, workflowId, { topic: "tidal power" }, `brief-${unique()}`);
    expect(started.status).toBe(201);
    const runId = started.body.id;

    let pending: Approval | undefined;
    await expect
      .poll(
        async () => {
          const page = (await call<Page<Approval>>("get", "/api/v1/approvals?state=pending", { key: org.key })).body;
          pending = page.items.find((x) => x.runId === runId);
          return pending?.canDecide;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    const waiting = await runUntil(org, runId, ["WAITING"]);
    expect(waiting.pendingApprovals.map((x) => x.id)).toEqual([pending!.id]);
    expect(waiting.steps.find((s) => s.nodeId === "research")).toMatchObject({ state: "SUCCEEDED", costCredits: 40 });

    const decided = await call<Approval>("post", `/api/v1/approvals/${pending!.id}`, {
      key: org.key,
      body: { decision: "approve", comment: "Ship it" },
    });
    expect(decided.body).toMatchObject({ state: "APPROVED", decidedByApiKeyId: org.keyId });

    const run = await runUntil(org, runId, FINAL);
    expect(run.state).toBe("SUCCEEDED");
    const research = run.steps.find((s) => s.nodeId === "research")!;
    expect(run.output).toBe(research.output);
    expect(research.output).toEqual(expect.stringMatching(/\S/));
    expect(run.steps.map((s) => [s.nodeId, s.state])).toEqual([
      ["start", "SUCCEEDED"],
      ["research", "SUCCEEDED"],
      ["gate", "SUCCEEDED"],
      ["result", "SUCCEEDED"],
    ]);
    const sum = run.steps.reduce((total, step) => total + step.costCredits, 0);
    expect(sum).toBe(40);
    expect(run.totalCostCredits).toBe(sum);
    expect(run.spentCredits).toBe(sum);
    await expect.poll(async () => (await walletOf(org.org.id)).ORG_HOLDS ?? 0).toBe(0);
    expect(before.ORG_WALLET! - (await walletOf(org.org.id)).ORG_WALLET!).toBe(sum);
  }, 60_000);
});

describe("refusals every workflow route shares", () => {
  const routes = (): [method: "get" | "post", path: string, body?: unknown][] => [
    ["get", "/api/v1/workflow-templates"],
    ["get", "/api/v1/workflows"],
    ["post", "/api/v1/workflows", { templateId: WORKFLOW_TEMPLATES[0]!.id }],
    ["get", `/api/v1/workflows/${quickId}`],
    ["post", `/api/v1/workflows/${quickId}/runs`, { input: {} }],
    ["get", `/api/v1/workflow-runs/${foreign.runId}`],
    ["post", `/api/v1/workflow-runs/${foreign.runId}/cancel`],
    ["get", "/api/v1/approvals?state=pending"],
    ["post", `/api/v1/approvals/${foreign.approvalId}`, { decision: "approve" }],
  ];

  it("answers no key with 401 and a key without the route's scope with 403, before anything else", async () => {
    const runsBefore = await db.workflowRun.count({ where: { orgId: { in: [a.org.id, weak.org.id] } } });
    for (const [method, path, body] of routes()) {
      const anonymous = await call(method, path, { body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(anonymous.body.error.code).toBe("api_key_missing");
      const refused = await call(method, path, { key: weak.key, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.code).toBe("missing_scope");
      expect(refused.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    }
    expect(await db.workflowRun.count({ where: { orgId: { in: [a.org.id, weak.org.id] } } })).toBe(runsBefore);
  });

  it("checked every answer the workflow routes document, by status", () => {
    const expected = {
      "get /api/v1/workflow-templates": [200, 401, 403],
      "get /api/v1/workflows": [200, 400, 401, 403],
      "post /api/v1/workflows": [201, 400, 401, 403, 404],
      "get /api/v1/workflows/{id}": [200, 401, 403, 404],
      "post /api/v1/workflows/{id}/runs": [200, 201, 400, 401, 403, 404, 409, 412],
      "get /api/v1/workflow-runs/{id}": [200, 401, 403, 404],
      "post /api/v1/workflow-runs/{id}/cancel": [200, 401, 403, 404, 412],
      "get /api/v1/approvals": [200, 400, 401, 403],
      "post /api/v1/approvals/{id}": [200, 400, 401, 403, 404, 409, 412],
    };
    for (const [operation, statuses] of Object.entries(expected))
      for (const status of statuses) expect([...contract.checked]).toContain(`${operation} ${status}`);
  });
});
