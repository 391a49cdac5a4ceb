import { ConnectMcpView } from "@/components/mcp/connect-mcp-view";
import { appUrl } from "@/server/env";

export const metadata = { title: "Connect an MCP client" };

export default function ConnectMcpPage() {
  return <ConnectMcpView url={`${appUrl()}/api/mcp`} />;
}
