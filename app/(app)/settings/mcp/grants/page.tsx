import { McpGrantsView } from "@/components/mcp/grants-view";

export const metadata = { title: "MCP tool access" };

export default function McpGrantsPage() {
  return <McpGrantsView />;
}
