"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient, authErrorMessage } from "./auth-client";

const ZForgotPasswordSchema = z.object({ email: z.email("Enter a valid email address.") });

/** Asks better-auth for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZForgotPasswordSchema), defaultValues: { email: "" } });
  const onSubmit = form.handleSubmit(async ({ email }) => {
    setError(null);
    const { error: requestError } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    if (requestError) {
      setError(authErrorMessage(requestError, "Could not send the link. Try again in a minute."));
      return;
    }
    setSentTo(email);
  });
  if (sentTo)
    return (
      <Alert variant="success" icon={<MailCheck />}>
        <AlertTitle>Check your inbox</AlertTitle>
        <AlertDescription>
          If {sentTo} has a Bureau account, a link to choose a new password is on its way. It works for one hour.
        </AlertDescription>
      </Alert>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Send reset link
      </Button>
    </form>
  );
}
