import { ApprovalsView } from "@/components/approvals/approvals-view";

export const metadata = { title: "Approvals" };

/** `?tab=decided` opens the decided tab; the pending one is the default. */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const { tab } = await searchParams;
  return <ApprovalsView initialTab={tab === "decided" ? "decided" : "pending"} />;
}
