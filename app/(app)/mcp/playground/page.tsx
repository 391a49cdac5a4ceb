import { McpPlayground } from "@/components/mcp/mcp-playground";

export const metadata = { title: "MCP tool playground" };

export default function McpPlaygroundPage() {
  return <McpPlayground />;
}
