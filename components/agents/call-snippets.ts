/** Copy-ready ways to call a listed agent through Bureau's gateway (never the seller's URL). */
export function curlSnippet(jsonRpcUrl: string, example: string): string {
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "SendMessage",
    params: { message: { messageId: "msg-1", role: "ROLE_USER", parts: [{ text: example }] } },
  });
  return [
    `curl -X POST ${jsonRpcUrl} \\`,
    `  -H "Authorization: Bearer $BUREAU_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "A2A-Version: 1.0" \\`,
    `  -d '${body.replace(/'/g, "'\\''")}'`,
  ].join("\n");
}

export function jsClientSnippet(cardUrl: string, example: string): string {
  return `// npm install @a2a-js/sdk   (save as call-agent.mjs, run with BUREAU_API_KEY set)
import { Role } from "@a2a-js/sdk";
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory } from "@a2a-js/sdk/client";

const fetchImpl = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set("Authorization", \`Bearer \${process.env.BUREAU_API_KEY}\`);
  return fetch(input, { ...init, headers });
};

const client = await new ClientFactory({
  transports: [new JsonRpcTransportFactory({ fetchImpl })],
  cardResolver: new DefaultAgentCardResolver({ fetchImpl }),
}).createFromUrl(${JSON.stringify(cardUrl)}, "");

const result = await client.sendMessage({
  message: {
    messageId: crypto.randomUUID(),
    role: Role.ROLE_USER,
    parts: [{ content: { $case: "text", value: ${JSON.stringify(example)} } }],
  },
});
console.log(JSON.stringify(result, null, 2));
`;
}

/**
 * Python with the standard library only (no package to install): one A2A
 * SendMessage over JSON-RPC. JSON string literals are valid Python ones.
 */
export function pythonSnippet(jsonRpcUrl: string, example: string): string {
  return `# Python 3, standard library only (save as call_agent.py, run with BUREAU_API_KEY set)
import json, os, urllib.request, uuid

request = urllib.request.Request(
    ${JSON.stringify(jsonRpcUrl)},
    method="POST",
    headers={
        "Authorization": "Bearer " + os.environ["BUREAU_API_KEY"],
        "Content-Type": "application/json",
        "A2A-Version": "1.0",
    },
    data=json.dumps({
        "jsonrpc": "2.0",
        "id": 1,
        "method": "SendMessage",
        "params": {"message": {
            "messageId": str(uuid.uuid4()),
            "role": "ROLE_USER",
            "parts": [{"text": ${JSON.stringify(example)}}],
        }},
    }).encode(),
)
with urllib.request.urlopen(request, timeout=300) as response:
    print(json.dumps(json.load(response), indent=2))
`;
}
