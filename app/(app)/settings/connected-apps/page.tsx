import { ConnectedAppsView } from "@/components/oauth/connected-apps-view";

export const metadata = { title: "Connected apps" };

export default function ConnectedAppsPage() {
  return <ConnectedAppsView />;
}
