import { expect, test } from "@playwright/test";
import { demo } from "../support";

test("health reports the database and job engine", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: { status: "up" }, jobs: { status: expect.any(String) } });
  expect(response.headers()["x-request-id"]).toBeTruthy();
});

test("whoami names the org and scopes of the demo API key", async ({ request }) => {
  const response = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${demo().apiKey}` } });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.org).toMatchObject({ name: "Acme Corp", slug: "acme" });
  expect(body.key.scopes).toEqual(expect.arrayContaining(["tasks:write", "agents:read"]));
});

for (const [label, header, code] of [
  ["missing", undefined, "api_key_missing"],
  ["malformed", "Basic dXNlcjpwYXNz", "api_key_malformed"],
  ["unknown", "Bearer bureau_nopeNopeNopeNopeNopeNope12345", "api_key_invalid"],
] as const) {
  test(`whoami refuses a ${label} key with 401 JSON`, async ({ request }) => {
    const response = await request.get("/api/v1/whoami", { headers: header ? { authorization: header } : {} });
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
  });
}
