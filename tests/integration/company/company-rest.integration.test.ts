import { describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createDepartment } from "@/server/services/company/departments/create-department";
import { sellerAgent } from "../../support/billing-fixtures";
import { ownerWithOrg } from "../../support/factories";
import { useApiV1 } from "../rest/rest-support";

/**
 * GET /api/v1/departments, /api/v1/departments/{slug} and /api/v1/positions
 * through the real route files on a real HTTP server; every answer, success
 * and refusal, is checked against the served OpenAPI document.
 */
const api = useApiV1();

type Page<T> = { items: T[]; nextCursor: string | null };
type Department = {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  archivedAt: string | null;
  budget: { monthlyCapCredits: number | null };
  month: { spentCredits: number; rolledUpSpentCredits: number; tasks: number };
  leads: { userId: string; email: string }[];
  positions: { id: string; status: string; agent: { slug: string; priceCredits: number } }[];
};
type Position = { id: string; title: string; status: string; department: { slug: string } };
type ErrorBody = { error: { code: string; message: string } };

async function get<T = ErrorBody>(path: string, key: string) {
  const response = await api.call(path, { key });
  expect(response.status, path).toBeLessThan(500);
  return { status: response.status, body: (await api.contract.check(response)) as T };
}

/** An org with Finance (Payroll under it, an archived Legal), two hires, a budget, a lead, and a key. */
async function companyWithKey(scopes: ApiKeyScope[] = ["company:read"]) {
  const { org, user, caller } = await ownerWithOrg("REST Co");
  const { agent } = await sellerAgent(30);
  const c = caller.company;
  const finance = await c.createDepartment({ orgId: org.id, name: "Finance", mission: "Count it." });
  const payroll = await c.createDepartment({ orgId: org.id, name: "Payroll", parentId: finance.id });
  const legal = await c.createDepartment({ orgId: org.id, name: "Legal" });
  await c.archiveDepartment({ orgId: org.id, id: legal.id });
  await c.setLeads({ orgId: org.id, id: finance.id, userIds: [user.id] });
  await c.setDepartmentBudget({ orgId: org.id, id: finance.id, monthlyCapCredits: 2_000 });
  const analyst = await c.hire({ orgId: org.id, departmentId: finance.id, agent: { id: agent.id }, title: "Analyst" });
  const clerk = await c.hire({ orgId: org.id, departmentId: payroll.id, agent: { id: agent.id }, title: "Clerk" });
  await c.pausePosition({ orgId: org.id, id: clerk.id });
  const ended = await c.hire({ orgId: org.id, departmentId: finance.id, agent: { id: agent.id }, title: "Temp" });
  await c.endPosition({ orgId: org.id, id: ended.id });
  const { key } = await createApiKey({ orgId: org.id, userId: user.id, name: "company", scopes, expiresInDays: null });
  return { org, user, agent, key, finance, payroll, legal, analyst, clerk, ended };
}

describe("GET /api/v1/departments", () => {
  it("pages the org's departments oldest first with leads, staff, budget and month; archived on request", async () => {
    const co = await companyWithKey();
    const { status, body } = await get<Page<Department>>("/api/v1/departments", co.key);
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((d) => [d.slug, d.parentId])).toEqual([
      ["finance", null],
      ["payroll", co.finance.id],
    ]);
    expect(body.items[0]).toMatchObject({
      name: "Finance",
      mission: "Count it.",
      approvalPolicy: "NONE",
      archivedAt: null,
      budget: { monthlyCapCredits: 2_000 },
      month: { spentCredits: 0, rolledUpSpentCredits: 0, tasks: 0 },
      leads: [{ userId: co.user.id, email: co.user.email }],
      positions: [{ id: co.analyst.id, status: "ACTIVE", agent: { slug: co.agent.slug, priceCredits: 30 } }],
    });
    expect(body.items[1]!.positions).toEqual([expect.objectContaining({ id: co.clerk.id, status: "PAUSED" })]);

    const all = await get<Page<Department>>("/api/v1/departments?includeArchived=true", co.key);
    expect(all.body.items.map((d) => [d.slug, d.archivedAt !== null])).toEqual([
      ["finance", false],
      ["payroll", false],
      ["legal", true],
    ]);

    const first = await get<Page<Department>>("/api/v1/departments?includeArchived=true&limit=2", co.key);
    expect(first.body.items).toHaveLength(2);
    const rest = await get<Page<Department>>(
      `/api/v1/departments?includeArchived=true&limit=2&cursor=${first.body.nextCursor}`,
      co.key,
    );
    expect(rest.body).toEqual({ items: [expect.objectContaining({ slug: "legal" })], nextCursor: null });

    const bad = await get("/api/v1/departments?includeArchived=maybe", co.key);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
  });
});

describe("GET /api/v1/departments/{slug}", () => {
  it("answers one department with its place in the tree; an unknown or foreign slug is a 404", async () => {
    const co = await companyWithKey();
    const { status, body } = await get<Department & { children: string[]; parent: unknown; pendingApprovals: number }>(
      "/api/v1/departments/finance",
      co.key,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: co.finance.id, children: [co.payroll.id], parent: null, pendingApprovals: 0 });
    expect((await get<{ parent: unknown }>("/api/v1/departments/payroll", co.key)).body.parent).toEqual({
      id: co.finance.id,
      slug: "finance",
      name: "Finance",
    });
    expect((await get<Department>("/api/v1/departments/legal", co.key)).body.archivedAt).not.toBeNull();

    const missing = await get("/api/v1/departments/no-such-department", co.key);
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "department_not_found" } } });
    const other = await companyWithKey();
    await createDepartment({ orgId: other.org.id, actor: { kind: "user", userId: other.user.id }, name: "Treasury" });
    expect((await get("/api/v1/departments/treasury", other.key)).status).toBe(200);
    // Another org's department, by its slug or its id: nothing has that address for this key.
    for (const address of ["treasury", other.finance.id])
      expect(await get(`/api/v1/departments/${address}`, co.key), address).toMatchObject({
        status: 404,
        body: { error: { code: "department_not_found" } },
      });
    // Slugs are per org: each key's "finance" is its own org's.
    expect((await get<Department>("/api/v1/departments/finance", other.key)).body.id).toBe(other.finance.id);
    const malformed = await get("/api/v1/departments/%00", co.key);
    expect(malformed).toMatchObject({ status: 404, body: { error: { code: "department_not_found" } } });
  });
});

describe("GET /api/v1/positions", () => {
  it("pages the org's positions newest first, by department and status", async () => {
    const co = await companyWithKey();
    const list = async (query = "") => (await get<Page<Position>>(`/api/v1/positions${query}`, co.key)).body;
    expect((await list()).items.map((p) => p.title)).toEqual(["Temp", "Clerk", "Analyst"]);
    expect((await list("?department=finance")).items.map((p) => p.title)).toEqual(["Temp", "Analyst"]);
    expect((await list("?status=paused")).items).toEqual([
      expect.objectContaining({
        id: co.clerk.id,
        status: "PAUSED",
        department: expect.objectContaining({ slug: "payroll" }),
      }),
    ]);
    expect((await list("?department=finance&status=ended")).items.map((p) => p.id)).toEqual([co.ended.id]);

    const first = await list("?limit=2");
    expect(first.items).toHaveLength(2);
    expect((await list(`?limit=2&cursor=${first.nextCursor}`)).items.map((p) => p.title)).toEqual(["Analyst"]);

    expect(await get("/api/v1/positions?department=nowhere", co.key)).toMatchObject({
      status: 404,
      body: { error: { code: "department_not_found" } },
    });
    expect(await get("/api/v1/positions?status=retired", co.key)).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_input" } },
    });
    // Another org's positions never appear.
    const other = await companyWithKey();
    expect((await list()).items.map((p) => p.id)).not.toContain(other.analyst.id);
  });
});

describe("company routes: scopes and the document", () => {
  it("refuse a key without company:read before reading anything", async () => {
    const co = await companyWithKey(["agents:read", "tasks:read", "workflows:read"]);
    for (const path of ["/api/v1/departments", "/api/v1/departments/finance", "/api/v1/positions"])
      expect(await get(path, co.key), path).toMatchObject({
        status: 403,
        body: { error: { code: "missing_scope", message: "This API key lacks the company:read scope." } },
      });
  });

  it("are in the OpenAPI document under the Company tag with the company:read scope", () => {
    type Operation = { operationId: string; tags: string[]; security: Record<string, string[]>[] };
    const paths = (api.contract.document as { paths: Record<string, Record<string, Operation>> }).paths;
    for (const [path, operationId] of [
      ["/api/v1/departments", "listDepartments"],
      ["/api/v1/departments/{slug}", "getDepartment"],
      ["/api/v1/positions", "listPositions"],
    ] as const)
      expect(paths[path]!.get, path).toMatchObject({
        operationId,
        tags: ["Company"],
        security: [{ apiKey: ["company:read"] }],
      });
  });
});
