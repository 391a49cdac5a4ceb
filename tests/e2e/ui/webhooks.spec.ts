import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { createOrg, signUp, uniqueEmail } from "../support";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 (allow-listed for the app under test) that keeps what it gets and answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("received by e2e");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => server.close() };
}

test("add a webhook endpoint, copy its secret once, send a test event and see it in the delivery log", async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    await signUp(page, { name: "Wendy Hooks", email: uniqueEmail("hooks") });
    await createOrg(page, `Hookco ${Date.now().toString(36)}`);
    await page.getByRole("link", { name: "Webhooks" }).first().click();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Description").fill("E2E receiver");
    await page.getByRole("checkbox", { name: "task.settled" }).check();
    await page.getByRole("dialog").getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Done" }).click();

    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(endpoint).toContainText("E2E receiver");
    await expect(endpoint).toContainText("task.settled");
    // Shown once: after a reload the page has no secret anywhere.
    await page.reload();
    await expect(endpoint).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    const row = endpoint.getByTestId("delivery-row").first();
    await expect(row).toContainText("webhook.test");
    await expect(row).toContainText("succeeded", { timeout: 20_000 });
    await expect(row).toContainText("200");
    await expect(row).toContainText("received by e2e");

    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    const verified = new Webhook(secret).verify(message!.body, message!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "webhook.test" });

    // On a phone the page does not scroll sideways (the delivery table scrolls inside its card).
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(endpoint.getByTestId("delivery-row").first()).toContainText("succeeded");
    await page.screenshot({ path: "test-results/e2e/webhooks-390.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    receiver.close();
  }
});
