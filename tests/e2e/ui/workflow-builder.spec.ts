import { expect, test, type Locator, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

// Tall enough for a trigger and two steps in one column on the canvas.
test.use({ storageState: OWNER_STATE, viewport: { width: 1440, height: 1000 } });
// Each test saves, publishes and runs several times against the real server.
test.describe.configure({ timeout: 150_000 });

const UUID = /\/workflows\/([0-9a-f-]{36})$/;

const node = (page: Page, type: string) => page.locator(`[data-testid="workflow-node"][data-node-type="${type}"]`);

/** Drops a palette step on the canvas with real HTML5 drag and drop, at a point of the canvas pane. */
async function dropStep(page: Page, type: string, at: { x: number; y: number }) {
  await page.dragAndDrop(`[data-testid="palette-${type}"]`, '[data-testid="workflow-canvas"]', { targetPosition: at });
  await expect(node(page, type)).toHaveCount(1);
}

/** Drags from one node's outgoing handle onto another node's incoming handle, as a person connects steps. */
async function connect(page: Page, from: Locator, to: Locator) {
  const flowNode = (l: Locator) => page.locator(".react-flow__node").filter({ has: l });
  const source = flowNode(from).locator(".react-flow__handle.source").first();
  const target = flowNode(to).locator(".react-flow__handle.target").first();
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 20, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

const saveStatus = (page: Page) => page.getByTestId("save-status");
const expectSaved = (page: Page) =>
  expect(saveStatus(page)).toHaveAttribute("data-status", "saved", { timeout: 30_000 });

async function publish(page: Page, note: string) {
  await expect(page.getByTestId("publish-button")).toBeEnabled({ timeout: 15_000 });
  await page.getByTestId("publish-button").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Note (optional)").fill(note);
  await dialog.getByRole("button", { name: "Publish" }).click();
  await expect(dialog).toBeHidden();
}

test("build a workflow by drag and drop, watch it save and validate, publish it and run it", async ({ page }) => {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().click();
  await expect(page).toHaveURL(UUID, { timeout: 30_000 });
  await expect(node(page, "trigger")).toHaveCount(1);

  const name = `E2E builder ${Date.now().toString(36)}`;
  await page.getByLabel("Workflow name").fill(name);
  await expectSaved(page);

  // Two steps dragged in from the palette, in a column under the trigger.
  const pane = (await page.getByTestId("workflow-canvas").boundingBox())!;
  const trigger = (await node(page, "trigger").boundingBox())!;
  const column = { x: trigger.x + trigger.width / 2 - pane.x, y: trigger.y + trigger.height / 2 - pane.y };
  await dropStep(page, "agent", { x: column.x, y: column.y + 140 });
  await dropStep(page, "output", { x: column.x, y: column.y + 280 });
  // Neither is connected and the output has no template: the server's check says so.
  await expect(page.getByTestId("canvas-issue-count")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("publish-button")).toBeDisabled();
  await expect(page.getByTestId("publish-blocked")).toContainText(/Fix \d+ errors? to publish/);

  await connect(page, node(page, "trigger"), node(page, "agent"));
  await connect(page, node(page, "agent"), node(page, "output"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // The agent step: a listing and a message, in the inspector.
  await node(page, "agent").click();
  const inspector = page.getByTestId("node-inspector");
  const agent = inspector.getByLabel("Agent");
  const analyst = await agent.locator("option", { hasText: "Northwind Research Analyst" }).getAttribute("value");
  await agent.selectOption(analyst!);
  await inspector.getByLabel("Message").fill("Write a short brief on {{ input.topic }}.");
  const agentId = await node(page, "agent").getAttribute("data-node-id");

  await node(page, "output").click();
  await inspector.getByLabel("Template").fill(`{{ steps.${agentId}.output }}`);

  // Saved on its own, and the issues are gone once the server has checked the saved draft.
  await expectSaved(page);
  await expect(page.getByTestId("canvas-issue-count")).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId("price-estimate")).toContainText("cr");

  // The draft survives a reload: it was saved, not just drawn.
  await page.reload();
  await expect(node(page, "agent")).toContainText("Northwind Research Analyst", { timeout: 30_000 });
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  await publish(page, "First version");
  await expect(page.getByTestId("latest-version")).toHaveText("v1 live");

  await page.getByRole("button", { name: "Run", exact: true }).click();
  const run = page.getByRole("dialog");
  await run.getByLabel("Input (JSON)").fill('{ "topic": "heat pumps in Nordic homes" }');
  await run.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/workflows\/runs\/[0-9a-f-]{36}/, { timeout: 30_000 });
  await expect(page.getByTestId("run-page")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-page")).toContainText(name);
});

test("use a template from the gallery and see its canvas", async ({ page }) => {
  await page.goto("/workflows");
  const card = page.locator('[data-testid="template-card"][data-template-id="incident-postmortem"]');
  await expect(card.getByTestId("template-estimate")).toContainText("cr");
  await card.getByRole("button", { name: "Use template" }).click();
  await expect(page).toHaveURL(UUID, { timeout: 30_000 });
  await expect(page.getByLabel("Workflow name")).toHaveValue("Incident postmortem");
  await expect(page.getByTestId("workflow-node")).not.toHaveCount(0);
  expect(await page.getByTestId("workflow-node").count()).toBeGreaterThan(5);
  await expect(page.getByTestId("price-estimate")).toContainText("cr");
  await expect(page.getByTestId("canvas-issue-count")).toBeHidden();
});

test("history shows what changed between two published versions", async ({ page }) => {
  await page.goto("/workflows");
  const card = page.locator('[data-testid="template-card"][data-template-id="support-ticket-faq-update"]');
  await card.getByRole("button", { name: "Use template" }).click();
  await expect(page).toHaveURL(UUID, { timeout: 30_000 });
  await expect(page.getByTestId("workflow-node")).not.toHaveCount(0);
  await publish(page, "As the template");
  await expect(page.getByTestId("latest-version")).toHaveText("v1 live");

  // Rename one step in the inspector, then publish again.
  const step = page.locator('[data-testid="workflow-node"][data-node-type="agent"]').first();
  const before = (await step.locator("span.truncate").first().textContent())?.trim();
  await step.click();
  await page.getByTestId("node-inspector").getByLabel("Name").fill("Renamed by the e2e test");
  await expectSaved(page);
  await publish(page, "Renamed a step");
  await expect(page.getByTestId("latest-version")).toHaveText("v2 live");

  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByTestId("history-dialog");
  await expect(history.getByTestId("version-item")).toHaveCount(2);
  await expect(history.getByRole("tab", { name: "v1 → v2" })).toHaveAttribute("data-state", "active");
  const changed = history.getByTestId("diff-node-changed");
  await expect(changed).toHaveCount(1);
  const change = changed.locator('[data-testid="diff-change"][data-path="name"]');
  await expect(change.getByTestId("diff-before")).toContainText(before ?? "");
  await expect(change.getByTestId("diff-after")).toContainText("Renamed by the e2e test");

  // Version 1 against the draft shows the same change; the newest version against the draft shows none.
  await history.locator('[data-testid="version-item"][data-version="1"]').click();
  await history.getByRole("tab", { name: "v1 → draft" }).click();
  await expect(history.getByTestId("diff-node-changed")).toHaveCount(1);
  await history.locator('[data-testid="version-item"][data-version="2"]').click();
  await history.getByRole("tab", { name: "v2 → draft" }).click();
  await expect(history.getByTestId("diff-empty")).toBeVisible();
});
