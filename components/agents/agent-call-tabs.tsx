"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { curlSnippet, jsClientSnippet, pythonSnippet } from "./call-snippets";
import { CodeBlock } from "./code-block";

/** How to call the agent through Bureau: curl, the A2A JS client and Python. */
export function AgentCallTabs({ gateway, example }: { gateway: { jsonRpc: string; card: string }; example: string }) {
  return (
    <Tabs defaultValue="curl" className="min-w-0">
      <TabsList className="h-auto max-w-full flex-wrap">
        <TabsTrigger value="curl">curl</TabsTrigger>
        <TabsTrigger value="js">A2A JS client</TabsTrigger>
        <TabsTrigger value="python">Python</TabsTrigger>
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
    </Tabs>
  );
}
