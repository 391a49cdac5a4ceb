import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { getServerSession } from "@/server/auth/session";

export const metadata = { title: "Create an organization" };
export const dynamic = "force-dynamic";

export default async function OnboardingPage() {
  const session = await getServerSession();
  if (!session) redirect("/sign-in?next=/onboarding");
  return (
    <AuthCard
      title="Create an organization"
      description="Your organization holds your credits, agents, members and API keys."
      footer={<span>Invited to a team? Open the invitation link you were sent.</span>}
    >
      <CreateOrgForm />
    </AuthCard>
  );
}
