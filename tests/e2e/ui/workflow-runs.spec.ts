import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

const SHOTS = path.join("test-results", "workflow-runs");

/** A tRPC procedure over HTTP, as the signed-in owner (superjson's wire format: `{ json }`). */
async function trpc<T>(request: APIRequestContext, procedure: string, input: unknown, query = false): Promise<T> {
  const response = query
    ? await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
    : await request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${procedure}: ${response.status()} ${JSON.stringify(body)}`);
  return body.result.data.json;
}

async function acmeOrgId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/trpc/orgs.listMine");
  const { orgs } = ((await response.json()) as { result: { data: { json: { orgs: { id: string; slug: string }[] } } } })
    .result.data.json;
  return orgs.find((o) => o.slug === "acme")!.id;
}

const at = (x: number, y = 120) => ({ x, y });

/**
 * A published workflow of the demo catalog: a short wait (so the page is
 * open before the agent starts), the Research Analyst, an owner's approval
 * of its brief, and the output.
 */
function reviewGraph() {
  return {
    budgetCapCredits: 500,
    nodes: [
      { id: "start", type: "trigger", name: "Topic", position: at(0), config: { kind: "manual" } },
      { id: "pause", type: "delay", name: "Short wait", position: at(300), config: { seconds: 5 } },
      {
        id: "research",
        type: "agent",
        name: "Research the topic",
        position: at(600),
        config: {
          target: { kind: "listing", slug: "northwind-research-analyst" },
          template: "Brief me on {{ input.topic }} ({{ run.id }})",
          retry: { maxAttempts: 1, backoffSeconds: 30 },
        },
      },
      {
        id: "signoff",
        type: "approval",
        name: "Sign off the brief",
        position: at(900),
        config: {
          approvers: { roles: ["owner"], userIds: [] },
          template: "Publish this brief on {{ input.topic }}?\n\n{{ steps.research.output | truncate: 400 }}",
          deadlineHours: 48,
          onTimeout: "reject",
        },
      },
      {
        id: "brief",
        type: "output",
        name: "Brief",
        position: at(1200),
        config: { template: "{{ steps.research.output }}", format: "text" },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "pause" },
      { id: "e2", source: "pause", target: "research" },
      { id: "e3", source: "research", target: "signoff" },
      { id: "e4", source: "signoff", target: "brief" },
    ],
  };
}

async function publishedWorkflow(request: APIRequestContext, orgId: string, name: string) {
  const workflow = await trpc<{ id: string }>(request, "workflows.create", {
    orgId,
    name,
    description: "E2E: research, then an owner signs off.",
    source: { kind: "graph", graph: reviewGraph() },
  });
  await trpc(request, "workflows.publish", { orgId, workflowId: workflow.id });
  return workflow.id;
}

/** The canvas node's state pill and the step list's row for one node. */
const canvasState = (page: Page, nodeId: string) =>
  page.locator(`[data-testid="workflow-node"][data-node-id="${nodeId}"] [data-testid="node-run-state"]`);
const listRow = (page: Page, nodeId: string) => page.locator(`[data-testid="step-row"][data-node-id="${nodeId}"]`);

async function expectNode(page: Page, nodeId: string, state: string, timeout = 30_000) {
  await expect(canvasState(page, nodeId)).toHaveAttribute("data-state", state, { timeout });
  await expect(listRow(page, nodeId)).toHaveAttribute("data-state", state);
}

/**
 * Records, in the page itself, every state each canvas node shows, in order:
 * a transition seen by this recorder happened live in this document (a
 * reload would start a new, empty record).
 */
function recordNodeStates() {
  const seen: Record<string, string[]> = {};
  (window as { nodeStatesSeen?: Record<string, string[]> }).nodeStatesSeen = seen;
  const scan = () => {
    for (const node of document.querySelectorAll('[data-testid="workflow-node"]')) {
      const id = node.getAttribute("data-node-id");
      const state = node.querySelector('[data-testid="node-run-state"]')?.getAttribute("data-state");
      if (!id || !state) continue;
      const list = (seen[id] ??= []);
      if (list.at(-1) !== state) list.push(state);
    }
  };
  new MutationObserver(scan).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
}
const statesSeen = (page: Page, nodeId: string) =>
  page.evaluate((id) => (window as { nodeStatesSeen?: Record<string, string[]> }).nodeStatesSeen?.[id] ?? [], nodeId);

/** Marks the document, so a reload (which would drop the mark) is caught. */
const mark = (page: Page) => page.evaluate(() => ((window as { runMark?: number }).runMark = 1));
const sameDocument = (page: Page) => page.evaluate(() => (window as { runMark?: number }).runMark === 1);

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no horizontal overflow").toBeLessThanOrEqual(0);
}

/** A screenshot to look at (test-results/workflow-runs/); whole pages unless a sheet is over the page. */
async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

test("a run's nodes change state live, and approving in the inbox finishes it without a reload", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(recordNodeStates);
  const orgId = await acmeOrgId(page.request);
  const name = `Research sign-off ${Date.now().toString(36)}`;
  const workflowId = await publishedWorkflow(page.request, orgId, name);

  // The workflow's runs list is empty, then shows the run live once it starts.
  await page.goto(`/workflows/runs?workflow=${workflowId}`);
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  await mark(page);
  const run = await trpc<{ id: string }>(page.request, "workflows.runs.start", {
    orgId,
    workflowId,
    input: { topic: "heat pumps in Nordic homes" },
  });
  const row = page.locator(`[data-testid="run-row"][data-run-id="${run.id}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText(name);
  expect(await sameDocument(page)).toBe(true);

  // The run page: every node of the frozen graph, coloured as the run moves.
  await row.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/runs/${run.id}`));
  await expect(page.getByTestId("run-stream-status")).toHaveText("Live", { timeout: 20_000 });
  await mark(page);
  await expect(canvasState(page, "start")).toHaveAttribute("data-state", "succeeded");
  await expect(canvasState(page, "research")).toHaveAttribute("data-state", "running", { timeout: 30_000 });
  await expect(page.getByTestId("run-state")).toHaveAttribute("data-state", "RUNNING");
  await expect(canvasState(page, "brief")).toHaveAttribute("data-state", "pending");
  await shot(page, "run-page-running-1280");

  // A click on the agent step opens its details with the task's own timeline, live.
  await page.locator('[data-testid="workflow-node"][data-node-id="research"]').click();
  const panel = page.getByTestId("step-panel");
  await expect(panel.getByTestId("step-task")).toBeVisible();
  await expect(panel.getByTestId("timeline-status").first()).toBeVisible();
  await expect(panel.getByTestId("step-task-link")).toHaveAttribute("href", /\/tasks\/[\w-]+$/);

  await expectNode(page, "research", "succeeded", 45_000);
  await expectNode(page, "signoff", "waiting");
  await expect(canvasState(page, "research")).toContainText("120 cr");
  await expect(page.getByTestId("run-state")).toHaveAttribute("data-state", "WAITING");
  await expect(page.getByTestId("run-pending-approval")).toContainText("Sign off the brief");
  await expect(page.getByTestId("run-total-cost")).toContainText("120");
  await shot(page, "run-page-waiting-1280");
  expect(await sameDocument(page), "the run page never reloaded").toBe(true);
  expect(await statesSeen(page, "research")).toEqual(expect.arrayContaining(["running", "succeeded"]));

  // The inbox, in another tab: exactly what is approved, then approve with a comment.
  const inbox = await context.newPage();
  await inbox.goto("/approvals");
  const item = inbox.getByTestId("approval-item").filter({ has: inbox.getByText(name, { exact: true }) });
  await expect(item).toBeVisible();
  await expect(item.getByRole("heading", { name: "Sign off the brief" })).toBeVisible();
  // Nothing priced runs after the approval; what the run spent so far is said.
  await expect(item).toContainText("The rest of the run costs nothing (120 credits spent so far).");
  await expect(item.getByTestId("approval-subject")).toContainText("Publish this brief on heat pumps in Nordic homes?");
  await expect(item).toContainText("If nobody decides by then, it is rejected and the run fails.");
  await expect(item.getByText("Owners", { exact: true })).toBeVisible();
  await shot(inbox, "inbox-pending-1280");
  await item.getByRole("button", { name: "Approve" }).click();
  const dialog = inbox.getByTestId("decide-dialog");
  await dialog.getByRole("textbox").fill("Ship it: the figures check out.");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toBeHidden();

  // Back on the run page, the same document: the approval and the output turn green.
  await expectNode(page, "signoff", "succeeded");
  await expectNode(page, "brief", "succeeded");
  await expect(page.getByTestId("run-state")).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 15_000 });
  await expect(page.getByTestId("run-output")).not.toContainText("The output arrives");
  await expect(page.getByTestId("run-pending-approvals")).toBeHidden();
  expect(await sameDocument(page), "the run page never reloaded").toBe(true);
  expect(await statesSeen(page, "signoff")).toEqual(["pending", "waiting", "succeeded"]);
  expect(await statesSeen(page, "brief")).toEqual(["pending", "succeeded"]);
  // The step list opens a step too (the narrowed canvas may have it out of view).
  await listRow(page, "signoff").click();
  await expect(panel.getByTestId("step-approval")).toContainText("Ship it: the figures check out.");
  await shot(page, "run-page-succeeded-1280");

  // The decided tab keeps the decision and its comment.
  await inbox.getByRole("tab", { name: "Decided" }).click();
  const decided = inbox.getByTestId("approval-item").filter({ has: inbox.getByText(name, { exact: true }) });
  await expect(decided.getByTestId("approval-state")).toHaveText("Approved");
  await expect(decided.getByTestId("approval-comment")).toHaveText("Ship it: the figures check out.");
  await shot(inbox, "inbox-decided-1280");

  await page.goto("/workflows/runs");
  const listed = page.locator(`[data-testid="run-row"][data-run-id="${run.id}"]`);
  await expect(listed.getByTestId("run-state").filter({ visible: true })).toHaveAttribute("data-state", "SUCCEEDED");
  await shot(page, "runs-list-1280");
});

test("at 390 px the run page, the runs list and the inbox fit the screen; a step opens as a sheet", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const orgId = await acmeOrgId(page.request);
  const workflowId = await publishedWorkflow(page.request, orgId, `Phone sign-off ${Date.now().toString(36)}`);
  const run = await trpc<{ id: string }>(page.request, "workflows.runs.start", {
    orgId,
    workflowId,
    input: { topic: "tidal energy" },
  });

  await page.goto(`/workflows/runs/${run.id}`);
  await expectNode(page, "signoff", "waiting", 45_000);
  await noSidewaysScroll(page);
  await shot(page, "run-page-390");
  // The step list stands in for the pannable canvas; a row opens the step as a bottom sheet.
  await listRow(page, "research").click();
  const sheet = page.getByRole("dialog");
  await expect(sheet.getByTestId("step-details")).toBeVisible();
  await expect(sheet.getByTestId("step-task")).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, "run-step-sheet-390", false);
  await page.keyboard.press("Escape");

  await page.goto("/workflows/runs");
  await expect(page.getByTestId("run-row").first()).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, "runs-list-390");

  await page.goto("/approvals");
  await expect(page.getByTestId("approval-item").first()).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, "inbox-390");

  // Leave nothing waiting: reject this run's approval (it fails the run, nothing more is spent).
  const approvals = await trpc<{ items: { id: string; runId: string | null }[] }>(
    page.request,
    "approvals.list",
    { orgId, state: "PENDING", scope: "mine", limit: 100 },
    true,
  );
  const mine = approvals.items.find((a) => a.runId === run.id)!;
  await trpc(page.request, "approvals.decide", { orgId, approvalId: mine.id, decision: "reject", comment: "E2E" });
});

/** A loop over `input.topics` with a transform per element: no agent, so it runs in a moment. */
function loopGraph() {
  return {
    budgetCapCredits: null,
    nodes: [
      { id: "start", type: "trigger", name: "Topics", position: at(0), config: { kind: "manual" } },
      {
        id: "each",
        type: "loop",
        name: "Each topic",
        position: at(300, 60),
        config: { items: "input.topics", concurrency: 2, maxItems: 10 },
      },
      {
        id: "shout",
        type: "transform",
        name: "Shout it",
        parentId: "each",
        position: { x: 60, y: 70 },
        config: { template: "{{ item | upcase }}", format: "text" },
      },
      {
        id: "all",
        type: "output",
        name: "All topics",
        position: at(900),
        config: { template: "{{ steps.each.data | join: ', ' }}", format: "text" },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "each" },
      { id: "e2", source: "each", target: "all" },
    ],
  };
}

test("a failed run names the step and the place of its expression error; a loop shows each element", async ({
  page,
}) => {
  const orgId = await acmeOrgId(page.request);
  const workflow = await trpc<{ id: string }>(page.request, "workflows.create", {
    orgId,
    name: `Topics ${Date.now().toString(36)}`,
    source: { kind: "graph", graph: loopGraph() },
  });
  await trpc(page.request, "workflows.publish", { orgId, workflowId: workflow.id });
  const start = (input: unknown) =>
    trpc<{ id: string }>(page.request, "workflows.runs.start", { orgId, workflowId: workflow.id, input });

  // Items that are not a list: the loop fails, and the page says where.
  const failed = await start({ topics: "solar" });
  await page.goto(`/workflows/runs/${failed.id}`);
  await expect(page.getByTestId("run-state")).toHaveAttribute("data-state", "FAILED", { timeout: 30_000 });
  const error = page.getByTestId("run-error");
  await expect(error).toContainText("The run failed in the list of items of Each topic, line 1, column 1");
  await expect(error).toContainText("Items must give a list");
  await expect(
    page.locator('[data-testid="workflow-node"][data-node-id="each"] [data-testid="node-issues"]'),
  ).toBeVisible();
  await expectNode(page, "each", "failed");
  await expect(page.getByTestId("retry-run")).toBeVisible();
  await error.getByRole("button", { name: "Show the step" }).click();
  await expect(page.getByTestId("step-panel").getByTestId("step-error")).toContainText("Items must give a list");
  await expect(page).toHaveURL(/[?&]node=each/);

  // A list: every element runs, and the loop's panel shows each one's state.
  const done = await start({ topics: ["solar", "wind", "tidal"] });
  await page.goto(`/workflows/runs/${done.id}?node=each`);
  await expect(page.getByTestId("run-state")).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 30_000 });
  const elements = page.getByTestId("step-panel").getByTestId("loop-element");
  await expect(elements).toHaveCount(3);
  for (const element of await elements.all()) await expect(element).toHaveAttribute("data-state", "succeeded");
  await expect(page.getByTestId("run-output")).toContainText("SOLAR, WIND, TIDAL");
  await listRow(page, "shout").click();
  await expect(page.getByTestId("step-panel")).toContainText("Runs once per element of its loop: 3 so far");
});
