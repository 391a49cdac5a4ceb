import { ApiKeysView } from "@/components/api-keys/api-keys-view";

export const metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return <ApiKeysView />;
}
