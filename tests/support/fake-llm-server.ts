import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, startLocalServer } from "./local-http";

/**
 * A local stand-in for the two LLM APIs the manager calls through the
 * Vercel AI SDK: OpenAI chat completions (POST /v1/chat/completions) and
 * Anthropic messages (POST /v1/messages). Like the vendors it checks what it
 * receives (the key, the model, a system and a user message, a strict JSON
 * schema for structured output) and refuses a malformed request with the
 * vendor's 400; every request is kept, with the problems found, for the test
 * to assert on. Answers are scripted per test: the model's text, an HTTP
 * error, or a delay.
 */

export interface ScriptedAnswer {
  /** The assistant message's text (the model's "JSON"). */
  content?: string;
  /** Answer with this HTTP status and a vendor-shaped error instead. */
  status?: number;
  /** Wait this long before answering (the client may give up first). */
  delayMs?: number;
}

export interface ReceivedLlmRequest {
  provider: "openai" | "anthropic";
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
  /** What the vendor would refuse; empty for a well-formed request. */
  problems: string[];
}

export interface FakeLlmServer {
  /** Base URLs as the SDKs take them (ending in /v1). */
  openaiBaseUrl: string;
  anthropicBaseUrl: string;
  requests: ReceivedLlmRequest[];
  /** Queues the answer to the next request; an unscripted request gets a 500 and is noted as a problem. */
  answer(next: ScriptedAnswer): void;
  close(): Promise<void>;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The schema must be a strict object: what OpenAI's strict mode and Anthropic's output format require. */
function schemaProblems(schema: unknown, where: string, expectedFields: string[]): string[] {
  const s = asRecord(schema);
  const problems: string[] = [];
  if (s.type !== "object") problems.push(`${where}.type must be "object"`);
  if (s.additionalProperties !== false) problems.push(`${where}.additionalProperties must be false`);
  const properties = Object.keys(asRecord(s.properties));
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  for (const field of expectedFields) {
    if (!properties.includes(field)) problems.push(`${where}.properties lacks "${field}"`);
  }
  if (properties.some((p) => !required.includes(p))) problems.push(`${where}: every property must be required`);
  return problems;
}

const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((c) => String(asRecord(c).text ?? "")).join("")
      : "";

function openAiProblems(req: IncomingMessage, body: Record<string, unknown>, key: string, model: string) {
  const problems: string[] = [];
  if (req.headers.authorization !== `Bearer ${key}`) problems.push("authorization is not the configured key");
  if (body.model !== model) problems.push(`model is ${String(body.model)}, expected ${model}`);
  if (body.stream) problems.push("stream was requested");
  const messages = Array.isArray(body.messages) ? body.messages.map(asRecord) : [];
  if (!messages.some((m) => (m.role === "system" || m.role === "developer") && textOf(m.content).trim())) {
    problems.push("no system message");
  }
  if (!messages.some((m) => m.role === "user" && textOf(m.content).trim())) problems.push("no user message");
  const format = asRecord(body.response_format);
  const jsonSchema = asRecord(format.json_schema);
  if (format.type !== "json_schema") problems.push("response_format.type is not json_schema");
  if (jsonSchema.strict !== true) problems.push("response_format.json_schema.strict is not true");
  if (typeof jsonSchema.name !== "string" || !jsonSchema.name) problems.push("response_format.json_schema has no name");
  problems.push(...schemaProblems(jsonSchema.schema, "json_schema.schema", ["kind", "question", "parts"]));
  return problems;
}

function anthropicProblems(req: IncomingMessage, body: Record<string, unknown>, key: string, model: string) {
  const problems: string[] = [];
  if (req.headers["x-api-key"] !== key) problems.push("x-api-key is not the configured key");
  if (!req.headers["anthropic-version"]) problems.push("no anthropic-version header");
  if (body.model !== model) problems.push(`model is ${String(body.model)}, expected ${model}`);
  if (typeof body.max_tokens !== "number") problems.push("max_tokens is missing");
  if (!textOf(body.system).trim()) problems.push("no system prompt");
  const messages = Array.isArray(body.messages) ? body.messages.map(asRecord) : [];
  if (!messages.some((m) => m.role === "user" && textOf(m.content).trim())) problems.push("no user message");
  const format = asRecord(asRecord(body.output_config).format);
  if (format.type !== "json_schema") problems.push("output_config.format.type is not json_schema");
  problems.push(...schemaProblems(format.schema, "output_config.format.schema", ["kind", "question", "parts"]));
  return problems;
}

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startFakeLlmServer(expected: { apiKey: string; model: string }): Promise<FakeLlmServer> {
  const requests: ReceivedLlmRequest[] = [];
  const script: ScriptedAnswer[] = [];
  let count = 0;
  const server = await startLocalServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "").split("?")[0]!;
      const provider = path === "/v1/chat/completions" ? "openai" : path === "/v1/messages" ? "anthropic" : null;
      const raw = await readBody(req);
      if (!provider || req.method !== "POST") return send(res, 404, { error: { message: `No route ${path}` } });
      let body: Record<string, unknown> = {};
      const problems: string[] = [];
      try {
        body = asRecord(JSON.parse(raw));
      } catch {
        problems.push("the body is not JSON");
      }
      const check = provider === "openai" ? openAiProblems : anthropicProblems;
      problems.push(...check(req, body, expected.apiKey, expected.model));
      const next = script.shift();
      if (!next) problems.push("no answer was scripted for this request");
      requests.push({ provider, path, headers: req.headers, body, problems });
      if (next?.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
      const error = (status: number, message: string) =>
        send(
          res,
          status,
          provider === "openai"
            ? { error: { message, type: status === 400 ? "invalid_request_error" : "server_error", code: null } }
            : { type: "error", error: { type: status === 400 ? "invalid_request_error" : "api_error", message } },
        );
      const unauthorized = problems.some((p) => p.endsWith("is not the configured key"));
      if (problems.length) return error(unauthorized ? 401 : next ? 400 : 500, problems.join("; "));
      if (next!.status) return error(next!.status, "The fake model was told to fail.");
      const id = ++count;
      const content = next!.content ?? "";
      if (provider === "openai") {
        return send(res, 200, {
          id: `chatcmpl-fake-${id}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: expected.model,
          choices: [
            { index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null },
          ],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        });
      }
      return send(res, 200, {
        id: `msg_fake_${id}`,
        type: "message",
        role: "assistant",
        model: expected.model,
        content: [{ type: "text", text: content }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 100, output_tokens: 50 },
      });
    })();
  });
  return {
    openaiBaseUrl: `${server.url}/v1`,
    anthropicBaseUrl: `${server.url}/v1`,
    requests,
    answer: (next) => script.push(next),
    close: server.close,
  };
}
