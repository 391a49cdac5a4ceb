"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function AcceptInvitation(props: {
  invitationId: string;
  orgId: string;
  signedInAs: string;
  invitedEmail: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const mismatch = props.signedInAs.toLowerCase() !== props.invitedEmail.toLowerCase();

  const accept = async () => {
    setPending(true);
    setError(null);
    const { error: acceptError } = await authClient.organization.acceptInvitation({ invitationId: props.invitationId });
    if (acceptError) {
      setPending(false);
      setError(authErrorMessage(acceptError, "Could not accept the invitation."));
      return;
    }
    await authClient.organization.setActive({ organizationId: props.orgId });
    router.push("/dashboard");
    router.refresh();
  };

  return (
    <div className="space-y-3">
      {mismatch ? (
        <Alert variant="warning">
          <AlertDescription>
            You are signed in as {props.signedInAs}, but this invitation is for {props.invitedEmail}. Sign in with that
            email to accept it.
          </AlertDescription>
        </Alert>
      ) : null}
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Button className="w-full" onClick={() => void accept()} loading={pending} disabled={mismatch}>
        Accept invitation
      </Button>
    </div>
  );
}
