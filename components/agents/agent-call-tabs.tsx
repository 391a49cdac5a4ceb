"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { curlSnippet, jsClientSnippet } from "./call-snippets";
import { CodeBlock } from "./code-block";

/** How to call the agent through Bureau: curl and the A2A JS client. */
export function AgentCallTabs({ gateway, example }: { gateway: { jsonRpc: string; card: string }; example: string }) {
  return (
    <Tabs defaultValue="curl">
      <TabsList>
        <TabsTrigger value="curl">curl</TabsTrigger>
        <TabsTrigger value="js">A2A JS client</TabsTrigger>
      </TabsList>
      <TabsContent value="curl">
        <CodeBlock label="curl command" code={curlSnippet(gateway.jsonRpc, example)} testId="snippet-curl" />
      </TabsContent>
      <TabsContent value="js">
        <CodeBlock label="JavaScript" code={jsClientSnippet(gateway.card, example)} />
      </TabsContent>
    </Tabs>
  );
}
