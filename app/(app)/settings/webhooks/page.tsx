import { WebhooksView } from "@/components/webhooks/webhooks-view";

export const metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return <WebhooksView />;
}
