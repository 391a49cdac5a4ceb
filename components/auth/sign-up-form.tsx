"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient, authErrorMessage } from "./auth-client";

const ZSignUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  email: z.email("Enter a valid email address."),
  password: z.string().min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters."),
});

/**
 * After sign-up: an invitation link accepts straight away; anything else
 * first creates the new user's organization, then continues to `next`.
 */
export function afterSignUp(next: string): string {
  if (next.startsWith("/invite/")) return next;
  return next ? `/onboarding?next=${encodeURIComponent(next)}` : "/onboarding";
}

/** `next`: where the visitor was going (checked with safeNext by the page), or "". */
export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZSignUpSchema), defaultValues: { name: "", email: "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    // The verification email links back to the verify page, which offers to continue to `next`.
    const callbackURL = next ? `/verify-email?next=${encodeURIComponent(next)}` : "/verify-email";
    const { error: signUpError } = await authClient.signUp.email({ ...values, callbackURL });
    if (signUpError) {
      const taken =
        signUpError.code === "USER_ALREADY_EXISTS" ||
        signUpError.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" ||
        signUpError.status === 422;
      setError(
        taken
          ? "An account with this email already exists. Sign in instead."
          : authErrorMessage(signUpError, "Could not create the account."),
      );
      return;
    }
    router.push(afterSignUp(next));
    router.refresh();
  });

  return (
    // method="post": a submit before hydration must never put the password in the URL (and so in logs).
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Name" error={form.formState.errors.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label="Work email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label="Password" description="At least 8 characters." error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Create account
      </Button>
    </form>
  );
}
