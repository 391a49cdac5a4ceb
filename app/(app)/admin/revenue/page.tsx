import { notFound } from "next/navigation";
import { RevenueView } from "@/components/billing/revenue-view";
import { requireOrgSession } from "@/server/auth/session";

export const metadata = { title: "Platform revenue" };

export default async function RevenuePage() {
  const { user } = await requireOrgSession();
  // The procedures refuse non-admins too; this keeps the page itself from existing for them.
  if (!user.isPlatformAdmin) notFound();
  return <RevenueView />;
}
