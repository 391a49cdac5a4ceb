import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeNext } from "@/components/auth/safe-next";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { getServerSession } from "@/server/auth/session";

export const metadata = { title: "Create an organization" };
export const dynamic = "force-dynamic";

export default async function OnboardingPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const raw = (await searchParams).next;
  // Where the visitor was going before creating an account (a shared agent link, say).
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  const session = await getServerSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/onboarding?next=${encodeURIComponent(next)}`)}`);
  return (
    <AuthCard
      title="Create an organization"
      description="Your organization holds your credits, agents, members and API keys."
      footer={<span>Invited to a team? Open the invitation link you were sent.</span>}
    >
      <CreateOrgForm next={next} />
    </AuthCard>
  );
}
