"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { curlSnippet, jsClientSnippet, mcpConfigSnippet } from "./call-snippets";
import { CodeBlock } from "./code-block";

/** How to call the agent through Bureau: curl, the A2A JS client, and MCP once Bureau's MCP server exists. */
export function AgentCallTabs({
  gateway,
  example,
}: {
  gateway: { jsonRpc: string; card: string; mcp: string | null };
  example: string;
}) {
  return (
    <Tabs defaultValue="curl">
      <TabsList>
        <TabsTrigger value="curl">curl</TabsTrigger>
        <TabsTrigger value="js">A2A JS client</TabsTrigger>
        {gateway.mcp ? <TabsTrigger value="mcp">MCP client</TabsTrigger> : null}
      </TabsList>
      <TabsContent value="curl">
        <CodeBlock label="curl command" code={curlSnippet(gateway.jsonRpc, example)} testId="snippet-curl" />
      </TabsContent>
      <TabsContent value="js">
        <CodeBlock label="JavaScript" code={jsClientSnippet(gateway.card, example)} />
      </TabsContent>
      {gateway.mcp ? (
        <TabsContent value="mcp">
          <CodeBlock label="MCP configuration" code={mcpConfigSnippet(gateway.mcp)} />
        </TabsContent>
      ) : null}
    </Tabs>
  );
}
