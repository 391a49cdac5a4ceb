import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { OWNER_STATE, signIn } from "../support";

/** A seller's real A2A agent on this machine: its card and a JSON-RPC endpoint. */
async function startSellerAgent(name: string): Promise<{ cardUrl: string; close: () => Promise<void> }> {
  let origin = "";
  const server: Server = createServer((req, res) => {
    if (req.url === "/.well-known/agent-card.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          name,
          description: "Translates contracts and policies between English and Spanish, keeping legal terms consistent.",
          version: "2.1.0",
          supportedInterfaces: [{ url: `${origin}/rpc`, protocolBinding: "JSONRPC", protocolVersion: "1.0" }],
          provider: { organization: "Quill Labs", url: "https://quill.example" },
          capabilities: { streaming: true, pushNotifications: false },
          defaultInputModes: ["text/plain"],
          defaultOutputModes: ["text/plain"],
          skills: [
            {
              id: "translate-contract",
              name: "Translate contracts",
              description: "Translates a contract into Spanish or English.",
              tags: ["translation", "legal"],
              examples: ["Translate this employment contract into Spanish"],
            },
          ],
        }),
      );
      return;
    }
    if (req.url === "/rpc" && req.method === "POST") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify({ jsonrpc: "2.0", id: "bureau-health", error: { code: -32001, message: "Task not found" } }),
        );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    cardUrl: `${origin}/.well-known/agent-card.json`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard/);
  return page;
}

test.use({ storageState: OWNER_STATE });

test("a seller publishes by card URL, an admin approves, a buyer finds it by a typo and by describing a need", async ({
  page,
  browser,
  baseURL,
}) => {
  const suffix = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 5);
  const name = `Quillfeather Translator ${suffix}`;
  const agent = await startSellerAgent(name);
  try {
    // Seller: publish from the card URL, then submit for review.
    const seller = await signedIn(browser, baseURL, "seller@northwind.test");
    await seller.getByRole("link", { name: "Sell" }).first().click();
    await seller.getByRole("link", { name: "Publish an agent" }).first().click();
    await seller.getByLabel("Card URL").fill(agent.cardUrl);
    await seller.getByLabel("Price per task (credits)").fill("42");
    await seller.getByLabel("Translation").check();
    await seller.getByRole("button", { name: "Create draft listing" }).click();
    await expect(seller.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(seller.getByTestId("listing-status")).toHaveText("Draft");
    await expect(seller.getByTestId("card-version")).toContainText("card 2.1.0");
    await seller.getByRole("button", { name: "Submit for review" }).click();
    await expect(seller.getByTestId("listing-status")).toHaveText("In review");

    // Platform admin: approve it from the queue.
    const admin = await signedIn(browser, baseURL, "admin@bureau.test");
    await admin.getByRole("link", { name: "Admin review" }).first().click();
    const item = admin.getByTestId("review-item").filter({ hasText: name });
    await expect(item).toContainText("Northwind Labs");
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);

    // Buyer: a misspelled search finds it first.
    await page.goto("/marketplace");
    await page.getByLabel("Search agents").fill(`quilfeather translater ${suffix}`);
    const first = page.getByTestId("agent-tile").first();
    await expect(first).toContainText(name);
    await expect(first).toContainText("42");

    // …and so does describing the need, with the reason shown.
    await page.getByRole("tab", { name: "Describe what you need" }).click();
    await page
      .getByRole("textbox", { name: "Describe what you need" })
      .fill("Translate an employment contract into Spanish");
    await page.getByRole("button", { name: "Find agents" }).click();
    const match = page.getByTestId("agent-tile").filter({ hasText: name });
    await expect(match.getByTestId("match-reason")).toContainText("Translate contracts");
    await expect(match.getByTestId("match-reason")).toContainText("“contract”");

    // The agent page: skills, price, health from the publish-time probe, gateway snippet.
    await match.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("agent-price")).toHaveText("42");
    await expect(page.getByTestId("skill")).toContainText("Translate this employment contract into Spanish");
    await expect(page.getByText("Healthy", { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId("snippet-curl")).toContainText("/api/a2a/agents/quillfeather-translator-");
    await seller.context().close();
    await admin.context().close();
  } finally {
    await agent.close();
  }
});

test("a seller sees every problem of an invalid card, and nothing is created", async ({ browser, baseURL }) => {
  const seller = await signedIn(browser, baseURL, "seller@northwind.test");
  await seller.goto("/sell/new");
  await seller.getByRole("tab", { name: "Paste JSON" }).click();
  await seller
    .getByLabel("Card JSON")
    .fill(JSON.stringify({ name: "", url: "ftp://agent.example/rpc", skills: [{ id: "x" }] }));
  await seller.getByLabel("Price per task (credits)").fill("10");
  await seller.getByLabel("Writing").check();
  await seller.getByRole("button", { name: "Create draft listing" }).click();
  const errors = seller.getByTestId("card-errors");
  await expect(errors).toContainText("name is empty.");
  await expect(errors).toContainText("url is not an absolute http(s) URL.");
  await expect(errors).toContainText("skills[0].description is missing.");
  await expect(seller).toHaveURL(/\/sell\/new$/);
  await seller.context().close();
});
