import { describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { useApiV1 } from "../rest/rest-support";
import { knowledgeCompany, knowledgeSnapshot } from "./knowledge-support";

/**
 * /api/v1/knowledge through the real route files on a real HTTP server,
 * every answer checked against the served OpenAPI document. A key belongs
 * to no department: it reads and writes org-wide knowledge only.
 */
const api = useApiV1();

type ErrorBody = { error: { code: string; message: string } };
type Observation = { id: string; text: string; confidence: number; provenance: Record<string, unknown> };
type Entity = { id: string; name: string; type: string; observations: Observation[]; relations: unknown[] };
type Search = {
  results: { entity: { id: string; name: string }; matchedBy: string[]; passage: Observation | null }[];
  vectors: { available: boolean; reason: string | null };
};

async function call<T = ErrorBody>(path: string, key: string, init: RequestInit = {}) {
  const response = await api.call(path, {
    ...init,
    key,
    headers: init.body ? { "content-type": "application/json" } : undefined,
  });
  expect(response.status, path).toBeLessThan(500);
  const method = (init.method ?? "get").toLowerCase();
  return {
    status: response.status,
    body: (await api.contract.check(response, { method })) as T,
    headers: response.headers,
  };
}
const post = <T = ErrorBody>(path: string, key: string, body: unknown) =>
  call<T>(path, key, { method: "POST", body: JSON.stringify(body) });

async function companyWithKey(scopes: ApiKeyScope[] = ["knowledge:read", "knowledge:write"]) {
  const co = await knowledgeCompany("REST Knowledge");
  const { key, id: keyId } = await createApiKey({
    orgId: co.orgId,
    userId: co.owner.user.id,
    name: "knowledge bot",
    scopes,
    expiresInDays: null,
  });
  return { ...co, key, keyId };
}

describe("knowledge REST routes", () => {
  it("create an entity, add a fact, read it back and find it, with the key as provenance", async () => {
    const co = await companyWithKey();
    const created = await post<Entity>("/api/v1/knowledge/entities", co.key, {
      name: "Globex",
      type: "Supplier",
      aliases: ["Globex Corporation"],
      observations: [{ text: "Ships hydraulic pumps from Rotterdam.", confidence: 0.9 }],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/knowledge/entities/${created.body.id}`);
    expect(created.body).toMatchObject({ name: "Globex", type: "supplier", aliases: ["Globex Corporation"] });

    const added = await post<Observation>(`/api/v1/knowledge/entities/${created.body.id}/observations`, co.key, {
      text: "Contract renewal due 2027.",
      expiresAt: new Date(Date.now() + 86_400_000 * 365).toISOString(),
    });
    expect(added.status).toBe(201);
    expect(added.body.provenance).toMatchObject({
      source: "API",
      apiKey: { id: co.keyId, name: "knowledge bot" },
      user: null,
      taskId: null,
    });

    const read = await call<Entity>(`/api/v1/knowledge/entities/${created.body.id}`, co.key);
    expect(read.body.observations.map((o) => o.text)).toEqual([
      "Contract renewal due 2027.",
      "Ships hydraulic pumps from Rotterdam.",
    ]);

    const found = await call<Search>("/api/v1/knowledge/search?q=hydraulic%20pumps", co.key);
    expect(found.status).toBe(200);
    expect(found.body.results[0]).toMatchObject({
      entity: { id: created.body.id },
      passage: { text: "Ships hydraulic pumps from Rotterdam.", provenance: { source: "API" } },
    });
    expect(found.body.results[0]!.matchedBy).toContain("observationText");
    expect(found.body.vectors).toMatchObject({
      available: false,
      reason: expect.stringMatching(/OPENAI_API_KEY|pgvector/),
    });
    const typo = await call<Search>("/api/v1/knowledge/search?q=Globx", co.key);
    expect(typo.body.results.map((r) => r.entity.name)).toContain("Globex");
  });

  it("hide department entities from keys, 404 another org's ids, refuse bad bodies writing nothing", async () => {
    const co = await companyWithKey();
    const other = await companyWithKey();
    const campaign = await co.mia.caller.knowledge.createEntity({
      orgId: co.orgId,
      name: "Spring Campaign",
      type: "project",
      departmentId: co.marketing.id,
      observations: [{ text: "Spring campaign budget is confidential." }],
    });
    const theirs = await other.owner.caller.knowledge.createEntity({
      orgId: other.orgId,
      name: "Their secret",
      type: "project",
      observations: [{ text: "Spring plans of the other org." }],
    });
    const before = await knowledgeSnapshot(co.orgId);
    for (const id of [campaign.id, theirs.id, "no-such-id"]) {
      expect(await call(`/api/v1/knowledge/entities/${id}`, co.key), id).toMatchObject({
        status: 404,
        body: { error: { code: "not_found" } },
      });
      expect(await post(`/api/v1/knowledge/entities/${id}/observations`, co.key, { text: "sneaky" }), id).toMatchObject(
        {
          status: 404,
        },
      );
    }
    const search = await call<Search>("/api/v1/knowledge/search?q=spring", co.key);
    expect(search.body.results).toEqual([]);

    const bad: [unknown, RegExp][] = [
      [{ name: "", type: "x" }, /name/],
      [{ name: "A", type: "Not/valid" }, /lower-case/],
      [{ name: "A", type: "x", observations: [{ text: "t", confidence: 1.5 }] }, /0 to 1/],
      [{ name: "A", type: "x", observations: [{ text: "t", expiresAt: "2001-01-01T00:00:00Z" }] }, /future/],
      [{ type: "x" }, /name/],
    ];
    for (const [body, message] of bad)
      expect(await post("/api/v1/knowledge/entities", co.key, body), JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { error: { code: "invalid_input", message: expect.stringMatching(message) } },
      });
    expect(await call("/api/v1/knowledge/search?q=", co.key)).toMatchObject({ status: 400 });
    expect(await call("/api/v1/knowledge/search?q=a&limit=500", co.key)).toMatchObject({ status: 400 });
    expect(await knowledgeSnapshot(co.orgId)).toEqual(before);

    await post("/api/v1/knowledge/entities", co.key, { name: "Initech", type: "customer" });
    expect(await post("/api/v1/knowledge/entities", co.key, { name: "INITECH", type: "customer" })).toMatchObject({
      status: 409,
      body: { error: { code: "conflict" } },
    });
  });

  it("check scopes before reading anything and are documented under Knowledge", async () => {
    const reader = await companyWithKey(["knowledge:read"]);
    const none = await companyWithKey(["agents:read"]);
    expect(await post("/api/v1/knowledge/entities", reader.key, { name: "A", type: "x" })).toMatchObject({
      status: 403,
      body: { error: { code: "missing_scope", message: "This API key lacks the knowledge:write scope." } },
    });
    for (const path of ["/api/v1/knowledge/search?q=a", "/api/v1/knowledge/entities/x"])
      expect(await call(path, none.key), path).toMatchObject({
        status: 403,
        body: { error: { code: "missing_scope" } },
      });
    type Operation = { operationId: string; tags: string[]; security: Record<string, string[]>[] };
    const paths = (api.contract.document as { paths: Record<string, Record<string, Operation>> }).paths;
    for (const [path, method, operationId, scope] of [
      ["/api/v1/knowledge/search", "get", "searchKnowledge", "knowledge:read"],
      ["/api/v1/knowledge/entities", "post", "createKnowledgeEntity", "knowledge:write"],
      ["/api/v1/knowledge/entities/{id}", "get", "getKnowledgeEntity", "knowledge:read"],
      ["/api/v1/knowledge/entities/{id}/observations", "post", "addKnowledgeObservation", "knowledge:write"],
    ] as const)
      expect(paths[path]![method], path).toMatchObject({
        operationId,
        tags: ["Knowledge"],
        security: [{ apiKey: [scope] }],
      });
  });
});
