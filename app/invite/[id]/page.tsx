import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitation } from "@/components/orgs/accept-invitation";
import { Button } from "@/components/ui/button";
import { getServerSession } from "@/server/auth/session";
import { parsePathParam, zId } from "@/server/schemas/primitives";
import { getInvitation } from "@/server/services/orgs/get-invitation";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parsePathParam(zId, (await params).id) ?? notFound();
  const [invitation, session] = await Promise.all([getInvitation({ invitationId: id }), getServerSession()]);
  if (!invitation || invitation.status !== "pending") {
    return (
      <AuthCard
        title="Invitation not available"
        description="This invitation was already used, cancelled, or never existed."
        footer={<Link href="/">Back to Bureau</Link>}
      >
        <Button asChild className="w-full">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </AuthCard>
    );
  }
  const here = `/invite/${id}`;
  return (
    <AuthCard
      title={`Join ${invitation.orgName}`}
      description={`${invitation.inviterName} invited ${invitation.email} to join as ${invitation.role}.`}
      footer={<span>Invitations expire on {invitation.expiresAt.toDateString()}.</span>}
    >
      {session ? (
        <AcceptInvitation
          invitationId={id}
          orgId={invitation.orgId}
          signedInAs={session.user.email}
          invitedEmail={invitation.email}
        />
      ) : (
        <div className="space-y-2">
          <Button asChild className="w-full">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>Create an account to accept</Link>
          </Button>
          <Button asChild variant="outline" className="w-full">
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>I already have an account</Link>
          </Button>
        </div>
      )}
    </AuthCard>
  );
}
