import { readBody, startLocalServer } from "./local-http";
import { unique } from "./factories";

export interface FakeAgent {
  /** http://localhost:<port> — localhost is allowlisted in tests (the APP_URL host). */
  origin: string;
  cardUrl: string;
  endpointUrl: string;
  card: Record<string, unknown>;
  /** What the JSON-RPC endpoint does: answer like an A2A server, or fail. */
  endpoint: "ok" | "error500" | "not-json";
  rpcCalls: { method: string }[];
  close: () => Promise<void>;
}

export function fakeCard(endpointUrl: string, overrides: Record<string, unknown> = {}) {
  const word = unique();
  return {
    name: `Quillfeather Translator ${word}`,
    description: "Translates contracts and marketing copy between English, Spanish and German.",
    version: "1.0.0",
    supportedInterfaces: [{ url: endpointUrl, protocolBinding: "JSONRPC", protocolVersion: "1.0" }],
    provider: { organization: "Quill Labs", url: "https://quill.example" },
    capabilities: { streaming: true, pushNotifications: false },
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain"],
    skills: [
      {
        id: "translate",
        name: "Translate documents",
        description: "Translates a document into another language.",
        tags: ["translation", "localization"],
        examples: ["Translate this employment contract into Spanish"],
      },
      {
        id: "glossary",
        name: "Build a glossary",
        description: "Extracts terms that need a consistent translation.",
        tags: ["terminology"],
        examples: ["List the legal terms in this NDA"],
      },
    ],
    ...overrides,
  };
}

/** A real local A2A-ish server: a card at the well-known path and a JSON-RPC endpoint. */
export async function startFakeAgent(): Promise<FakeAgent> {
  const state = {
    card: {} as Record<string, unknown>,
    endpoint: "ok" as FakeAgent["endpoint"],
    rpcCalls: [] as { method: string }[],
  };
  const server = await startLocalServer((req, res) => {
    if (req.url === "/.well-known/agent-card.json") {
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(state.card));
    }
    if (req.url === "/rpc" && req.method === "POST") {
      return void readBody(req).then((body) => {
        const call = JSON.parse(body) as { id: string; method: string };
        state.rpcCalls.push({ method: call.method });
        if (state.endpoint === "error500") return void res.writeHead(500).end("boom");
        if (state.endpoint === "not-json")
          return void res.writeHead(200, { "content-type": "text/html" }).end("<html></html>");
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ jsonrpc: "2.0", id: call.id, error: { code: -32001, message: "Task not found" } }));
      });
    }
    res.writeHead(404).end();
  });
  const origin = `http://localhost:${server.port}`;
  const agent: FakeAgent = {
    origin,
    cardUrl: `${origin}/.well-known/agent-card.json`,
    endpointUrl: `${origin}/rpc`,
    get card() {
      return state.card;
    },
    set card(value) {
      state.card = value;
    },
    get endpoint() {
      return state.endpoint;
    },
    set endpoint(value) {
      state.endpoint = value;
    },
    rpcCalls: state.rpcCalls,
    close: server.close,
  };
  agent.card = fakeCard(agent.endpointUrl);
  return agent;
}
