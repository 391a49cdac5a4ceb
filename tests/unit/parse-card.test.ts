import { describe, expect, it } from "vitest";
import { parseAgentCard, parseAgentCardText } from "@/server/a2a/card/parse-card";

const skill = {
  id: "translate",
  name: "Translate",
  description: "Translates text.",
  tags: ["translation"],
  examples: ["Translate this to French"],
};

const v1 = {
  name: "Polyglot",
  description: "Translates documents.",
  version: "1.2.0",
  supportedInterfaces: [
    { url: "https://agents.example.com/grpc", protocolBinding: "GRPC", protocolVersion: "1.0" },
    { url: "https://agents.example.com/a2a", protocolBinding: "JSONRPC", protocolVersion: "1.0" },
  ],
  provider: { organization: "Example Co", url: "https://example.com" },
  capabilities: { streaming: true, pushNotifications: false },
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain", "application/json"],
  skills: [skill, { ...skill, id: "detect", name: "Detect language", inputModes: ["application/pdf"] }],
};

const v03 = {
  name: "Legacy",
  description: "An 0.3 agent.",
  version: "0.9",
  url: "https://legacy.example.com/rpc",
  preferredTransport: "JSONRPC",
  protocolVersion: "0.3.0",
  capabilities: { streaming: false, pushNotifications: true },
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain"],
  skills: [skill],
};

describe("parseAgentCard", () => {
  it("normalises a v1.0 card, choosing the JSON-RPC interface and inheriting modes", () => {
    const result = parseAgentCard(v1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw).toBe(v1);
    expect(result.card).toMatchObject({
      cardFormat: "1.0",
      endpointUrl: "https://agents.example.com/a2a",
      endpointProtocolVersion: "1.0",
      streaming: true,
      pushNotifications: false,
      provider: { organization: "Example Co", url: "https://example.com" },
    });
    expect(result.card.skills[0]).toMatchObject({
      inputModes: ["text/plain"],
      outputModes: ["text/plain", "application/json"],
      examples: ["Translate this to French"],
    });
    expect(result.card.skills[1]?.inputModes).toEqual(["application/pdf"]);
  });

  it("normalises a 0.3 card from url and preferredTransport, or an additional JSON-RPC interface", () => {
    const result = parseAgentCard(v03);
    expect(result).toMatchObject({
      ok: true,
      card: {
        cardFormat: "0.3",
        endpointUrl: "https://legacy.example.com/rpc",
        endpointProtocolVersion: "0.3.0",
        pushNotifications: true,
      },
    });
    const viaAdditional = parseAgentCard({
      ...v03,
      preferredTransport: "GRPC",
      additionalInterfaces: [{ url: "https://legacy.example.com/jsonrpc", transport: "JSONRPC" }],
    });
    expect(viaAdditional).toMatchObject({ ok: true, card: { endpointUrl: "https://legacy.example.com/jsonrpc" } });
  });

  it("lists every problem with its path in plain words", () => {
    const result = parseAgentCard({
      ...v1,
      name: "",
      version: undefined,
      supportedInterfaces: [{ url: "javascript:alert(1)", protocolBinding: "JSONRPC" }],
      skills: [
        { ...skill, name: 42 },
        { id: "x", name: "X", tags: ["t"] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        "name is empty.",
        "version is missing.",
        "supportedInterfaces[0].url is not an absolute http(s) URL.",
        "skills[0].name should be text, but it is a number.",
        "skills[1].description is missing.",
      ]),
    );
    expect(result.errors).toHaveLength(5);
  });

  it("refuses a card without any address, without JSON-RPC, with duplicate skills, or that is not an object", () => {
    const { supportedInterfaces: _drop, ...noAddress } = v1;
    expect(parseAgentCard(noAddress)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining("neither supportedInterfaces")],
    });
    expect(parseAgentCard({ ...v1, supportedInterfaces: [v1.supportedInterfaces[0]] })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining("no JSONRPC interface (found GRPC)")],
    });
    expect(parseAgentCard({ ...v1, skills: [skill, skill] })).toMatchObject({
      ok: false,
      errors: ['skills[1].id "translate" is used by another skill; skill ids must be unique.'],
    });
    expect(parseAgentCard([v1])).toEqual({ ok: false, errors: ["The card must be a JSON object ({ … })."] });
    expect(parseAgentCard({ ...v1, skills: [] })).toMatchObject({
      ok: false,
      errors: ["skills needs at least 1 entry."],
    });
  });

  it("explains text that is not JSON", () => {
    const result = parseAgentCardText("{ name: nope");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^The card is not valid JSON: /);
  });
});
