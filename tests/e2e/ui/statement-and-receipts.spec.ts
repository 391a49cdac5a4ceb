import { expect, test } from "@playwright/test";
import { buyThousandCredits, download, expectNoSidewaysScroll, runIncidentScribe } from "../money-support";
import { createOrg, signUp, uniqueEmail } from "../support";

test("a buyer reads the statement, filters it in the URL, downloads it as CSV and opens a receipt", async ({
  page,
}) => {
  const orgName = `Ledgerly ${Date.now().toString(36)}`;
  await signUp(page, { name: "Stella Statement", email: uniqueEmail("statement") });
  await createOrg(page, orgName);

  // An empty statement says so.
  await page.goto("/credits/statement");
  await expect(page.getByText("No money has moved yet")).toBeVisible();

  await buyThousandCredits(page);
  const price = await runIncidentScribe(page);
  expect(price).toBeGreaterThan(0);

  await page.goto("/credits");
  await expect(page.getByTestId("credit-price")).toContainText("A credit costs from $0.008");
  await page.getByRole("link", { name: "Statement" }).click();
  await expect(page).toHaveURL(/\/credits\/statement$/);
  const lines = page.getByTestId("statement-line");
  await expect(lines).toHaveCount(3);
  // Newest first, each with the balance after it.
  await expect(lines.nth(0)).toHaveAttribute("data-kind", "charge");
  await expect(lines.nth(0)).toContainText("Charged for a run of Northwind Incident Scribe");
  await expect(lines.nth(0).getByTestId("statement-balance")).toHaveText((1000 - price).toLocaleString("en-US"));
  await expect(lines.nth(1)).toHaveAttribute("data-kind", "hold");
  await expect(lines.nth(1)).toContainText(`${price} on hold`);
  await expect(lines.nth(2)).toHaveAttribute("data-kind", "purchase");
  await expect(lines.nth(2)).toContainText("1,000-credit pack for $10.00");
  await expect(lines.nth(2).getByTestId("statement-balance")).toHaveText("1,000");

  // Filters live in the URL; Back restores the unfiltered statement.
  await page.getByLabel("Kind").selectOption("charge");
  await expect(page).toHaveURL(/\?kind=charge$/);
  await expect(lines).toHaveCount(1);
  await page.goBack();
  await expect(page).toHaveURL(/\/credits\/statement$/);
  await expect(lines).toHaveCount(3);
  await page.goForward();
  await expect(lines).toHaveCount(1);

  // A start date after the end date is a field message, not a request.
  await page.getByLabel("From").fill("2030-02-01");
  await page.getByLabel("To").fill("2030-01-01");
  await expect(page.getByText("The start date is after the end date.")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(lines).toHaveCount(3);

  const csv = await download(page, () => page.getByTestId("statement-csv").click());
  expect(csv.name).toMatch(/^bureau-statement-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csv.text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(rows[0]).toBe(
    "Date (UTC),Kind,Description,Task,Purchase,Available change,On hold change,Available after,On hold after,Memo",
  );
  expect(rows.slice(1).map((r) => r.split(",")[1])).toEqual(["charge", "hold", "purchase"]);
  expect(rows[1]).toContain(`Northwind Incident Scribe`);
  expect(rows[1]).toContain(`,0,-${price},${1000 - price},0,`);

  // The purchase's receipt, from its statement line.
  await lines.nth(2).getByRole("link", { name: "1,000-credit pack" }).click();
  await expect(page).toHaveURL(/\/credits\/receipts\//);
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByTestId("receipt-amount")).toHaveText("$10.00");
  await expect(receipt.getByTestId("receipt-pack")).toHaveText("1,000 Bureau credits");
  await expect(receipt).toContainText(orgName);
  await expect(receipt.getByTestId("receipt-charge")).toHaveText(/^ch_/);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // On a phone the statement's table scrolls inside itself; the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/credits/statement");
  await expect(lines).toHaveCount(3);
  await expectNoSidewaysScroll(page);
  await page.goBack();
  await expectNoSidewaysScroll(page);
});
