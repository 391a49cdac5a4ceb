"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { mcpUrlFor, runAgentSnippet } from "@/components/mcp/mcp-snippets";
import { curlSnippet, jsClientSnippet, pythonSnippet } from "./call-snippets";
import { CodeBlock } from "./code-block";

/** How to call the agent through Bureau: curl, the A2A JS client, Python and MCP (the run_agent tool). */
export function AgentCallTabs({ gateway, example }: { gateway: { jsonRpc: string; card: string }; example: string }) {
  return (
    <Tabs defaultValue="curl" className="min-w-0">
      <TabsList className="h-auto max-w-full flex-wrap">
        <TabsTrigger value="curl">curl</TabsTrigger>
        <TabsTrigger value="js">A2A JS client</TabsTrigger>
        <TabsTrigger value="python">Python</TabsTrigger>
        <TabsTrigger value="mcp">MCP</TabsTrigger>
      </TabsList>
      <TabsContent value="curl" className="min-w-0">
        <CodeBlock label="curl command" code={curlSnippet(gateway.jsonRpc, example)} testId="snippet-curl" />
      </TabsContent>
      <TabsContent value="js" className="min-w-0">
        <CodeBlock label="JavaScript" code={jsClientSnippet(gateway.card, example)} testId="snippet-js" />
      </TabsContent>
      <TabsContent value="python" className="min-w-0">
        <CodeBlock label="Python" code={pythonSnippet(gateway.jsonRpc, example)} testId="snippet-python" />
      </TabsContent>
      <TabsContent value="mcp" className="min-w-0">
        <CodeBlock
          label="MCP (TypeScript SDK)"
          code={runAgentSnippet(mcpUrlFor(gateway.jsonRpc), slugOf(gateway.jsonRpc), example)}
          testId="snippet-mcp"
        />
      </TabsContent>
    </Tabs>
  );
}

/** The listing's slug: the last segment of its gateway URL. */
const slugOf = (jsonRpcUrl: string) => decodeURIComponent(new URL(jsonRpcUrl).pathname.split("/").pop() ?? "");
