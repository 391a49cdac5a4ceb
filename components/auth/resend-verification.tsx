"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient, authErrorMessage } from "./auth-client";

/** For a signed-in user whose address is not verified yet: sends the link again. */
export function ResendVerification({ email, next }: { email: string; next: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent" | { error: string }>("idle");
  const send = async () => {
    setState("sending");
    const callbackURL = `/verify-email?next=${encodeURIComponent(next)}`;
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL });
    setState(error ? { error: authErrorMessage(error, "Could not send the email.") } : "sent");
  };
  if (state === "sent") return <p className="text-sm text-muted-foreground">A new link is on its way to {email}.</p>;
  return (
    <div className="space-y-2">
      <Button className="w-full" variant="outline" loading={state === "sending"} onClick={() => void send()}>
        Send a new link to {email}
      </Button>
      {typeof state === "object" ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
