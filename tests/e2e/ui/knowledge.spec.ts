import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support";

test.use({ storageState: OWNER_STATE });

/** A word no other run of this spec used, so searches find this run's entities. */
const token = () => `k${Date.now().toString(36)}`;

/** Runs a demo agent from its marketplace page and waits for its result. */
async function completedRun(page: Page) {
  await page.goto("/marketplace");
  await page.getByLabel("Search agents").fill("Northwind Research Analyst");
  await page
    .getByTestId("agent-tile")
    .getByRole("link", { name: "Northwind Research Analyst", exact: true })
    .first()
    .click();
  const panel = page.getByTestId("run-task-panel");
  await panel.getByLabel("What should it do?").fill("The state of heat pumps in Nordic homes");
  await panel.getByRole("button", { name: /^Run for/ }).click();
  await expect(page).toHaveURL(/\/tasks\/[\w-]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("task-state")).toHaveAttribute("data-state", "COMPLETED", { timeout: 45_000 });
  return new URL(page.url()).pathname;
}

test("save an artifact to knowledge, find it by search, and explore the graph", async ({ page }) => {
  const word = token();
  const brief = `Heat pump brief ${word}`;
  const taskPath = await completedRun(page);

  // 3. Save an artifact to knowledge.
  const artifact = page.getByTestId("artifact").first();
  await artifact.getByTestId("save-to-knowledge").click();
  const dialog = page.getByTestId("save-to-knowledge-dialog");
  await expect(dialog.getByLabel("The fact")).toHaveValue(/heat pumps/i);
  await dialog.getByLabel("Name").fill(brief);
  await dialog.getByLabel("Type").fill("topic");
  await dialog.getByRole("button", { name: "Save" }).click();
  await page.getByRole("link", { name: "Open it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: brief })).toBeVisible();
  const fact = page.getByTestId("observation").first();
  await expect(fact).toContainText(/heat pumps/i);
  await expect(fact.getByTestId("provenance")).toContainText("Saved from an artifact by Olivia Owner");
  await expect(fact.getByRole("link", { name: "from a task" })).toHaveAttribute("href", taskPath);
  const briefPath = new URL(page.url()).pathname;

  // 4. Find it by search: the passage that matched, highlighted, with where it came from.
  await page.goto("/knowledge");
  await page.getByLabel("Search knowledge").fill(`${word} heat pumps`);
  const hit = page.getByTestId("search-result").filter({ hasText: brief });
  await expect(hit).toBeVisible();
  await expect(hit.getByTestId("passage").locator("mark").first()).toHaveText(/heat|pumps/i);
  await expect(hit.getByTestId("provenance")).toContainText("Saved from an artifact");
  await expect(page).toHaveURL(new RegExp(`q=${word}`));

  // A second entity, related to the first, through the forms.
  const agency = `Nordic Energy Agency ${word}`;
  await page.getByRole("button", { name: "New entity" }).first().click();
  const create = page.getByTestId("entity-dialog");
  await create.getByLabel("Name").fill(agency);
  await create.getByLabel("Type").fill("organization");
  await create.getByLabel("First fact").fill("Publishes the yearly heat pump statistics.");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: agency })).toBeVisible();
  await page.getByRole("button", { name: "Relate" }).click();
  const relate = page.getByTestId("relate-dialog");
  await relate.getByLabel("Find the other entity").fill(brief);
  await relate.getByRole("radio", { name: new RegExp(brief) }).check();
  await relate.getByLabel("Relation").fill("covers");
  await relate.getByRole("button", { name: "Relate" }).click();
  await expect(page.getByTestId("relations")).toContainText(`covers${brief}`);

  // 5. Explore the graph: both entities, a labelled edge, zoom, and a node that opens its entity.
  const explorer = page.getByTestId("graph-explorer");
  await expect(explorer.getByTestId("graph-node")).toHaveCount(2);
  await expect(explorer.locator(".react-flow__edge")).toHaveCount(1);
  await expect(explorer.locator(".react-flow__edge-text")).toHaveText("covers");
  const viewport = explorer.locator(".react-flow__viewport");
  const before = await viewport.getAttribute("style");
  await explorer.getByRole("button", { name: "Zoom In" }).click();
  await expect.poll(() => viewport.getAttribute("style")).not.toBe(before);
  await explorer.getByTestId("graph-node").filter({ hasText: brief }).click();
  await expect(page).toHaveURL(briefPath);
  await expect(page.getByTestId("relations")).toContainText(`${agency}covers this`);

  // On a phone the neighbourhood is a list.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("graph-list")).toContainText(`${agency} covers ${brief}`);
  await expect(page.getByTestId("graph-explorer")).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "nothing sticks out sideways at 390 px").toBeLessThanOrEqual(0);
});

test("export the graph as JSON and import it back: nothing new the second time", async ({ page }) => {
  const word = token();
  await page.goto("/knowledge");
  await page.getByRole("button", { name: "New entity" }).first().click();
  const create = page.getByTestId("entity-dialog");
  await create.getByLabel("Name").fill(`Export check ${word}`);
  await create.getByLabel("Type").fill("note");
  await create.getByLabel("First fact").fill(`Exported on purpose (${word}).`);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Export check ${word}` })).toBeVisible();

  await page.goto("/knowledge");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export" }).click(),
  ]);
  const file = await download.path();
  const document = JSON.parse(readFileSync(file, "utf8")) as { format: string; entities: { name: string }[] };
  expect(document.format).toBe("bureau.knowledge");
  expect(document.entities.map((e) => e.name)).toContain(`Export check ${word}`);

  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByTestId("import-dialog");
  await dialog.getByLabel("File").setInputFiles(file);
  await expect(dialog.getByTestId("import-preview")).toContainText(`${document.entities.length} entities`);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported: 0 new entities, 0 updated, 0 facts and 0 relations added.")).toBeVisible();

  // A file that is not an export is refused before anything is sent.
  await page.getByRole("button", { name: "Import" }).click();
  await dialog
    .getByLabel("File")
    .setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{}") });
  await expect(dialog.getByText("This is not a bureau.knowledge file.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Import" })).toBeDisabled();
});
