import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { ownerWithOrg } from "../../support/factories";
import { sellerAgent } from "../../support/billing-fixtures";
import { useApiV1 } from "../rest/rest-support";

/**
 * POST /api/v1/departments/{slug}/requests through the real route file on a
 * real HTTP server, every answer checked against the served OpenAPI document.
 * (What the manager then does is department-requests.integration.test.ts.)
 */
const api = useApiV1();

async function orgWithFinance(scopes: ("tasks:write" | "company:read")[] = ["tasks:write"]) {
  const { org, user, caller } = await ownerWithOrg("Requests Co");
  const { agent } = await sellerAgent(10);
  const finance = await caller.company.createDepartment({ orgId: org.id, name: "Finance" });
  await caller.company.hire({ orgId: org.id, departmentId: finance.id, agent: { id: agent.id }, title: "Analyst" });
  const { key } = await createApiKey({ orgId: org.id, userId: user.id, name: "requests", scopes, expiresInDays: null });
  return { org, key, finance };
}

/** The answer's fields this test reads (a task, or a refusal). */
type RequestAnswer = { id: string; error: { code: string } } & Record<string, unknown>;

const post = async (path: string, key: string, body: unknown) => {
  const response = await api.call(path, {
    key,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBeLessThan(500);
  const location = response.headers.get("location");
  return {
    status: response.status,
    location,
    body: (await api.contract.check(response, { method: "post" })) as RequestAnswer,
  };
};

describe("POST /api/v1/departments/{slug}/requests", () => {
  it("starts a request (201, Location), and a retried messageId returns it (200) without a second task", async () => {
    const co = await orgWithFinance();
    const messageId = crypto.randomUUID();
    const first = await post("/api/v1/departments/finance/requests", co.key, { text: "Analyse 1, 2, 3", messageId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: "MANAGER", departmentSlug: "finance", state: "WORKING" });
    expect(first.location).toBe(`/api/v1/tasks/${first.body.id}`);
    const task = await db.task.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(task).toMatchObject({
      orgId: co.org.id,
      kind: "MANAGER",
      departmentId: co.finance.id,
      source: "API",
      price: 0,
    });
    const again = await post("/api/v1/departments/finance/requests", co.key, { text: "Analyse 1, 2, 3", messageId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await db.task.count({ where: { orgId: co.org.id } })).toBe(1);
  });

  it("refuses another org's or an unknown department (404), a missing scope (403), bad bodies (400)", async () => {
    const co = await orgWithFinance();
    const other = await orgWithFinance(["tasks:write"]);
    const reader = await orgWithFinance(["company:read"]);
    // Another org's Marketing is, to this key, no department at all.
    await db.department.create({ data: { orgId: other.org.id, slug: "marketing", name: "Marketing" } });
    const foreign = await post("/api/v1/departments/marketing/requests", co.key, { text: "Draft a post" });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("department_not_found");
    const unknown = await post("/api/v1/departments/payroll/requests", co.key, { text: "Analyse 1, 2" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("department_not_found");
    const scope = await post("/api/v1/departments/finance/requests", reader.key, { text: "Analyse 1, 2" });
    expect(scope.status).toBe(403);
    const empty = await post("/api/v1/departments/finance/requests", co.key, { text: "   " });
    expect(empty.status).toBe(400);
    const extra = await post("/api/v1/departments/finance/requests", co.key, { text: "ok", price: 1 });
    expect(extra.status).toBe(400);
    expect(await db.task.count({ where: { orgId: { in: [co.org.id, other.org.id, reader.org.id] } } })).toBe(0);
  });
});
